#!/usr/bin/env python3
"""The PyYAML oracle: what the original tool (PyYAML's safe_load) reads from a YAML file, as JSON.

Run by hand, never in CI (CI has no PyYAML); its output is committed as test fixtures that
test/load/pyyaml-conformance.test.ts compares vita's YAML reader against.

    python3 scripts/pyyaml-oracle.py FILE.yaml              # print the JSON for one file
    python3 scripts/pyyaml-oracle.py --cases test/fixtures/pyyaml
        # (re)write <case>/expected.json beside every <case>/case.yaml
    python3 scripts/pyyaml-oracle.py --history ../shared/corpus/bamos-cv-history test/fixtures/pyyaml-history
        # write <out>/<case>.json for every <corpus>/<case>/cv.yaml

Output: {"data": ...} when safe_load reads the file, {"error": "..."} when it refuses it, and
{"recursive": true} when the data refers to itself (JSON cannot hold it).

vita keeps two kinds of values as the text the person wrote (see the class comment of
src/load/yaml-source.ts): floats (`4.0`, `.inf`, `1:20.5`) and timestamps (`2019-05-19`). So the oracle
does the same, from PyYAML's own resolution: a scalar PyYAML resolves to a float or a timestamp gives its
text; every other value is PyYAML's. A `!!set` becomes a mapping to null (as it is written), `!!binary`
its base64 text, `!!omap`/`!!pairs` a list of [key, value] pairs (PyYAML's list of tuples).
"""
import base64
import json
import os
import sys

import yaml


class OracleLoader(yaml.SafeLoader):
    pass


def _as_text(loader, node):
    return loader.construct_scalar(node)



def _set(loader, node):
    value = loader.construct_mapping(node)
    return {k: None for k in value}


OracleLoader.add_constructor('tag:yaml.org,2002:float', _as_text)
OracleLoader.add_constructor('tag:yaml.org,2002:timestamp', _as_text)
OracleLoader.add_constructor('tag:yaml.org,2002:set', _set)


def to_json(value):
    if isinstance(value, bytes):
        return base64.b64encode(value).decode('ascii')
    if isinstance(value, tuple):
        return [to_json(v) for v in value]
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if k is None:
                key = 'null'
            elif isinstance(k, bool):
                key = 'true' if k else 'false'
            elif isinstance(k, tuple):
                key = str(list(k))
            else:
                key = str(k)
            out[key] = to_json(v)
        return out
    return value


def oracle(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    try:
        data = yaml.load(text, Loader=OracleLoader)
    except yaml.YAMLError as e:
        return {'error': ' '.join(str(e).split())}
    except RecursionError:
        return {'error': 'RecursionError'}
    try:
        converted = to_json(data)
        json.dumps(converted)
    except (ValueError, RecursionError):
        return {'recursive': True}
    return {'data': converted}


def dump(value):
    return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=False) + '\n'


def main(argv):
    if len(argv) == 3 and argv[1] == '--cases':
        root = argv[2]
        for case in sorted(os.listdir(root)):
            source = os.path.join(root, case, 'case.yaml')
            if os.path.isfile(source):
                with open(os.path.join(root, case, 'expected.json'), 'w', encoding='utf-8') as f:
                    f.write(dump(oracle(source)))
        return 0
    if len(argv) == 4 and argv[1] == '--history':
        corpus, out = argv[2], argv[3]
        os.makedirs(out, exist_ok=True)
        for case in sorted(os.listdir(corpus)):
            source = os.path.join(corpus, case, 'cv.yaml')
            if os.path.isfile(source):
                with open(os.path.join(out, case + '.json'), 'w', encoding='utf-8') as f:
                    f.write(dump(oracle(source)))
        return 0
    if len(argv) == 2:
        sys.stdout.write(dump(oracle(argv[1])))
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
