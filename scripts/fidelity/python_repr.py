"""CPython's str() of the values EvalPlus writes for MBPP+ tasks 124 and 252's failing inputs
(mbpp_serialize_inputs: str(float(x)), str(complex(x))), plus floats and complex numbers chosen to
cover repr's cases, as test/fixtures/python-repr.json (formats/python-repr.ts is compared with it).

    python3 scripts/fidelity/python_repr.py > test/fixtures/python-repr.json
"""

import json,gzip,sys
vals=[]
for l in gzip.open('datasets/mbppplus/MbppPlus.jsonl.gz','rt'):
    r=json.loads(l)
    if r['task_id']=='Mbpp/124':
        for inp in r['base_input']+r['plus_input']:
            vals.append(['124', inp, [str(float(inp[0])), str(complex(inp[1]))]])
    if r['task_id']=='Mbpp/252':
        for inp in r['base_input']+r['plus_input']:
            vals.append(['252', inp, [str(complex(inp[0]))]])
extra=[0.1, 5000.0, 1e16, 1e15, 123456789012345678.0, 1e-5, 0.0001, -0.0, 1.5e300, 2.5e-7, 1/3, -1e22, 100.0, 12345.678]
print(json.dumps({'inputs': vals, 'floats': [[x, repr(x)] for x in extra], 'complexes': [[[c.real, c.imag], repr(c)] for c in [complex(1,2), complex(-0.0,-1), complex(0,1e-100), complex(1e16, -0.5), complex(0.0, 0.0), complex(-0.0, 0.0)]]}))
