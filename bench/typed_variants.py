#!/usr/bin/env python3
"""Writes a judged-query table (query<TAB>wanted<TAB>why) again as people type it without an
input method: `plain` (accent-free: chuyen), `telex` (chuyển -> chuyeenr), `vni` (chuyển ->
chuye6n3), `joined` (accent-free, every two words run together: chuyendoi so...). Words without marks, numbers and words in
capitals (abbreviations, codes) are kept as they are in every variant.

    bench/typed_variants.py plain|telex|vni|joined < bench/judged_corpus.tsv > OUT.tsv
"""
import sys
import unicodedata

TONES = {'\u0301': ('s', '1'), '\u0300': ('f', '2'), '\u0309': ('r', '3'), '\u0303': ('x', '4'),
         '\u0323': ('j', '5')}
QUALITY = {'\u0302': ('double', '6'), '\u0306': ('w', '8'), '\u031b': ('w', '7')}


def plain(word):
    return word.isascii() or any(c.isdigit() for c in word) or (len(word) > 1 and word.isupper())


def keys(word, method):
    if plain(word):
        return word
    out, tone = '', ''
    for ch in unicodedata.normalize('NFD', word):
        if ch in TONES:
            tone = TONES[ch][0 if method == 'telex' else 1]
        elif ch in QUALITY:
            telex, vni = QUALITY[ch]
            if method == 'vni':
                out += vni
            else:
                out += out[-1].lower() if telex == 'double' else 'w'
        elif ch in 'đĐ':
            out += ch.replace('đ', 'd').replace('Đ', 'D') + ('d' if method == 'telex' else '9')
        else:
            out += ch
    # `ươ` is typed `uow` / `uo7`: one horn key for the pair, as most people do.
    if method == 'telex':
        out = out.replace('uwow', 'uow')
    else:
        out = out.replace('u7o7', 'uo7')
    return out + tone


def fold(word):
    s = unicodedata.normalize('NFD', word).replace('đ', 'd').replace('Đ', 'D')
    return ''.join(c for c in s if not unicodedata.combining(c))


def joined(words):
    out, i = [], 0
    while i < len(words):
        w = words[i]
        if i + 1 < len(words) and w.isalpha() and words[i + 1].isalpha() and not (len(w) > 1 and w.isupper()) \
                and not (len(words[i + 1]) > 1 and words[i + 1].isupper()):
            out.append(fold(w + words[i + 1]).lower())
            i += 2
        else:
            out.append(fold(w) if not (len(w) > 1 and w.isupper()) else w)
            i += 1
    return out


def main():
    method = sys.argv[1]
    for line in sys.stdin:
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        query, rest = line.split('\t', 1)
        words = unicodedata.normalize('NFC', query).split(' ')
        if method == 'joined':
            typed = joined(words)
        elif method == 'plain':
            typed = [fold(w) for w in words]
        else:
            typed = [keys(w, method) for w in words]
        print(' '.join(typed) + '\t' + rest)


if __name__ == '__main__':
    main()
