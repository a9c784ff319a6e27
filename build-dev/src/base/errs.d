build-dev/src/base/errs.o: src/base/errs.c src/base/errs.h src/base/buf.h \
 src/base/util.h
src/base/errs.h:
src/base/buf.h:
src/base/util.h:
