// Modules solutions commonly import. The first worker imports them before its snapshot, and every
// worker's memory image has them loaded, so a sample does not pay for importing them again.
export const PRELOAD = (
	'math cmath re string collections collections.abc itertools functools heapq bisect typing ' +
	'hashlib statistics fractions decimal datetime copy operator json array numbers abc enum ' +
	'dataclasses textwrap unicodedata calendar struct binascii base64 random time io contextlib ' +
	'keyword queue pprint warnings shutil tempfile'
).split(' ');
