build-dev/src/exchange/json_scan.o: src/exchange/json_scan.c \
 src/base/util.h src/exchange/json_scan.h src/base/errs.h
src/base/util.h:
src/exchange/json_scan.h:
src/base/errs.h:
