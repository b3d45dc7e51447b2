import { mount } from 'svelte';
import App from './App.svelte';
import './lib/ui/theme.css';
import { registerOffline } from './lib/ui/offline';

mount(App, { target: document.getElementById('app')! });
registerOffline();
