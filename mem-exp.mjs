import { loadPyodide } from 'pyodide';
const py = await loadPyodide({ stdout: (s) => console.log(s), stderr: (s) => console.log(s) });
py.runPython(`
import sys, gc
ev=[]
def hook(e,a):
    if e not in ('exec','compile'): ev.append(e)
sys.addaudithook(hook)
sys.settrace(None); sys.setprofile(None)
sys.monitoring.use_tool_id(3,'x'); sys.monitoring.register_callback(3, 1, None); sys.monitoring.free_tool_id(3)
def f(): pass
c = f.__code__; g_ = f.__globals__; co = c.co_filename
import types
t = types.FunctionType
sys._getframe(); 
try: raise ValueError
except ValueError as e: tb = e.__traceback__; fr = tb.tb_frame; fb = fr.f_back
def gen(): yield 1
gg = gen(); gg.gi_frame; gg.gi_code
gc.disable(); gc.enable()
import threading
sys._settraceallthreads(None) if hasattr(sys,'_settraceallthreads') else None
print(ev)
`);
