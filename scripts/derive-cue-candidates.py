#!/usr/bin/env python3
"""Derives resources/cue_candidates.tsv from WordNet 3.0 (Debian `wordnet-base`, /usr/share/wordnet).

Verbs of the lexicographer files verb.communication and verb.cognition whose synsets take WordNet's
sentence frame 26 ("Somebody ----s that CLAUSE"), minus the lemmas of resources/cues.tsv. Type and
commitment: communication verbs assert (certain), cognition verbs hedge (probable); frames: `that`,
`quote` for communication verbs, `to` with frame 24. Forms: regular, or WordNet's verb.exc.

    python3 scripts/derive-cue-candidates.py resources/cues.tsv > /tmp/rows
    (the header of resources/cue_candidates.tsv is kept by hand)
"""
import re,collections,sys
WN='/usr/share/wordnet/'
exc=collections.defaultdict(set)
for l in open(WN+'verb.exc'):
    infl,base=l.split()[:2]; exc[base].add(infl)
lem=collections.defaultdict(lambda:{'file':set(),'frames':set()})
for l in open(WN+'data.verb'):
    if l.startswith(' '): continue
    p=l.split(' | ')[0].split()
    lexfile=int(p[1]); wcnt=int(p[3],16); words=[p[4+2*i] for i in range(wcnt)]
    k=4+2*wcnt; pcnt=int(p[k]); k+=1+4*pcnt
    fcnt=int(p[k]); k+=1; frames=[]
    for i in range(fcnt):
        assert p[k]=='+'; fn=int(p[k+1]); wn=int(p[k+2],16); frames.append((fn,wn)); k+=3
    if lexfile not in (31,32): continue
    for wi,w in enumerate(words,1):
        w=re.sub(r'\(.*\)','',w).lower()
        fs={fn for fn,wn in frames if wn in (0,wi)}
        lem[w]['file'].add('comm' if lexfile==32 else 'cogn')
        lem[w]['frames']|=fs
existing=set()
for l in open(sys.argv[1] if len(sys.argv)>1 else 'resources/cues.tsv'):
    if l.startswith('#') or not l.strip(): continue
    existing.add(l.split('\t')[0])
sel={w:v for w,v in lem.items() if 26 in v['frames'] and w not in existing and "'" not in w and '.' not in w}
print(len(lem),len(sel),file=sys.stderr)
V='aeiou'
def forms(lemma):
    parts=lemma.split('_'); h=parts[0]; rest=(' '+' '.join(parts[1:])) if len(parts)>1 else ''
    out=[]
    if re.search('(s|sh|ch|x|z|o)$',h): out.append(h+'es')
    elif h.endswith('y') and h[-2] not in V: out.append(h[:-1]+'ies')
    else: out.append(h+'s')
    if h in exc: out+=sorted(exc[h])
    elif h.endswith('e'): out.append(h+'d')
    elif h.endswith('y') and h[-2] not in V: out.append(h[:-1]+'ied')
    else: out.append(h+'ed')
    dbl = any(e==h+h[-1]+'ed' for e in exc.get(h,()))
    if h.endswith('ie'): out.append(h[:-2]+'ying')
    elif dbl: out.append(h+h[-1]+'ing')
    elif h.endswith('e') and not h.endswith('ee'): out.append(h[:-1]+'ing')
    else: out.append(h+'ing')
    seen=[];
    for f in out:
        f=f+rest
        if f not in seen: seen.append(f)
    return seen
for w in sorted(sel):
    v=sel[w]
    ty,cm=('assert','certain') if 'comm' in v['file'] else ('hedge','probable')
    fr=['that']
    if 'comm' in v['file']: fr.append('quote')
    if 9 in v['frames'] or 10 in v['frames']: pass
    if 24 in v['frames']: fr.append('to')
    print('\t'.join([w.replace('_',' '),ty,cm,','.join(fr),','.join(forms(w))]))
