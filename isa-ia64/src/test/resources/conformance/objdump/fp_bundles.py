#!/usr/bin/env python3
"""Random floating-point bundles for the ia64 conformance corpus (fp.sh): templates with F slots (MFI, MMF, MFB) and
M slots, random fields under the F-unit majors and the M-unit majors of the FP loads, stores, setf/getf and checks.
Reuses random_bundles.py and keeps a bundle only when objdump prints every slot as a form this backend implements."""
import re, sys
import random_bundles as rb

FP = [re.compile(p) for p in [
    r'^(fma|fms|fnma)(\.[sd])?\.s[0-3] f\d+=f\d+,f\d+,f\d+$',
    r'^(fmpy|fnmpy|fadd|fsub)(\.[sd])?\.s[0-3] f\d+=f\d+,f\d+$', r'^fnorm(\.[sd])?\.s[0-3] f\d+=f\d+$',
    r'^(xma|xmpy)\.(l|h|hu) f\d+=f\d+,f\d+(,f\d+)?$', r'^fselect f\d+=f\d+,f\d+,f\d+$',
    r'^fcmp\.(eq|lt|le|unord)(\.unc)?\.s[0-3] p\d+,p\d+=f\d+,f\d+$', r'^fclass\.m(\.unc)? p\d+,p\d+=f\d+,0x[0-9a-f]+$',
    r'^frcpa\.s[0-3] f\d+,p\d+=f\d+,f\d+$', r'^frsqrta\.s[0-3] f\d+,p\d+=f\d+$',
    r'^(fmin|fmax|famin|famax)\.s[0-3] f\d+=f\d+,f\d+$',
    r'^(fmerge\.(s|ns|se)|fand|fandcm|for|fxor|fpack|fswap(\.nl|\.nr)?|fmix\.(l|r|lr)|fsxt\.[lr]) f\d+=f\d+,f\d+$',
    r'^(mov|fabs|fneg|fnegabs) f\d+=f\d+$',
    r'^fcvt\.fxu?(\.trunc)?\.s[0-3] f\d+=f\d+$', r'^fcvt\.xf f\d+=f\d+$',
    r'^fsetc\.s[0-3] 0x[0-9a-f]+,0x[0-9a-f]+$', r'^fclrf\.s[0-3]$', r'^fchkf\.s[0-3] 0x[0-9a-f]+$',
    r'^ldf(s|d|8|e|\.fill)(\.s|\.sa|\.a|\.c\.clr|\.c\.nc)?(\.nt1|\.nta)? f\d+=\[r\d+\](,(r\d+|-?\d+))?$',
    r'^ldfp(s|d|8)(\.s|\.sa|\.a|\.c\.clr|\.c\.nc)?(\.nt1|\.nta)? f\d+,f\d+=\[r\d+\](,(8|16))?$',
    r'^stf(s|d|8|e|\.spill)(\.nta)? \[r\d+\]=f\d+(,-?\d+)?$',
    r'^setf\.(sig|exp|s|d) f\d+=r\d+$', r'^getf\.(sig|exp|s|d) r\d+=f\d+$',
    r'^chk\.s f\d+,0x[0-9a-f]+$', r'^chk\.a\.(nc|clr) f\d+,0x[0-9a-f]+$', r'^invala\.e f\d+$']]

# cr.iib0/1 (interruption instruction bundles) are not among the control registers this backend names
rb.KNOWN = [re.compile(k.pattern.replace(r'cr\.[a-z0-9]+', r'cr\.(?!iib)[a-z0-9]+')) for k in rb.KNOWN] + FP
rb.TEMPLATES = [0x0c, 0x0d, 0x0e, 0x0f, 0x1c, 0x1d, 0x08, 0x09, 0x0a, 0x0b]
rb.MAJORS = dict(rb.MAJORS)
rb.MAJORS['F'] = [0, 4, 5, 8, 9, 0xa, 0xb, 0xc, 0xd, 0xe]
rb.MAJORS['M'] = [0, 1, 4, 6, 6, 7, 7]

if __name__ == '__main__':
    rb.main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
