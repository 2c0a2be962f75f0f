import json, numpy as np
fs = [open(f'cv{s}.jsonl') for s in (42, 1, 2, 3)]
with open('cvbag.jsonl', 'w') as out:
    for lines in zip(*fs):
        ds = [json.loads(l) for l in lines]
        assert len({d['id'] for d in ds}) == 1
        d = ds[0]
        for k in ('first', 'probs', 'sent', 'clause_probs', 'loaded'):
            d[k] = np.mean([x[k] for x in ds], axis=0).tolist()
        out.write(json.dumps(d) + '\n')
