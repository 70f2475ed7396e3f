#!/usr/bin/env python3
"""Random multimedia bundles for the ia64 conformance corpus (multimedia.sh): random fields under the majors of the
parallel ALU (A9/A10, major 8 on M and I), the I-unit multimedia forms (major 7), shrp (5), czx (0), addp4 and
lfetch (M majors 6 and 7). Reuses random_bundles.py and keeps a bundle only when objdump prints every slot as a
form this backend implements."""
import re, sys
import random_bundles as rb

MM = [re.compile(p) for p in [
    r'^(padd|psub)(1|2)(\.sss|\.uus|\.uuu)? r\d+=r\d+,r\d+$', r'^(padd|psub)4 r\d+=r\d+,r\d+$',
    r'^pavg[12](\.raz)? r\d+=r\d+,r\d+$', r'^pavgsub[12] r\d+=r\d+,r\d+$', r'^pcmp[124]\.(eq|gt) r\d+=r\d+,r\d+$',
    r'^psh[lr]add2 r\d+=r\d+,[1-3],r\d+$', r'^pmpy2\.[rl] r\d+=r\d+,r\d+$', r'^pmpyshr2(\.u)? r\d+=r\d+,r\d+,\d+$',
    r'^(pmin1\.u|pmax1\.u|pmin2|pmax2|psad1) r\d+=r\d+,r\d+$', r'^pshl[24] r\d+=r\d+,(r\d+|\d+)$',
    r'^pshr[24](\.u)? r\d+=r\d+,(r\d+|\d+)$', r'^(mix[124]\.[lr]|unpack[124]\.[hl]|pack2\.(sss|uss)|pack4\.sss) r\d+=r\d+,r\d+$',
    r'^mux1 r\d+=r\d+,@(rev|mix|shuf|alt|brcst)$', r'^mux2 r\d+=r\d+,0x[0-9a-f]+$', r'^czx[12]\.[lr] r\d+=r\d+$',
    r'^popcnt r\d+=r\d+$', r'^shrp r\d+=r\d+,r\d+,\d+$', r'^addp4 r\d+=(r\d+|-?\d+),r\d+$', r'^shladdp4 r\d+=r\d+,\d,r\d+$',
    r'^lfetch(\.excl|\.fault|\.fault\.excl)?(\.nt1|\.nt2|\.nta)? \[r\d+\](,(r\d+|-?\d+))?$']]

rb.KNOWN = rb.KNOWN + MM
rb.TEMPLATES = [0x00, 0x01, 0x02, 0x03, 0x08, 0x09, 0x0a, 0x0b]
rb.MAJORS = dict(rb.MAJORS)
rb.MAJORS['I'] = [0, 5, 7, 7, 7, 8, 8]
rb.MAJORS['M'] = [6, 7, 8, 8]

if __name__ == '__main__':
    rb.main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
