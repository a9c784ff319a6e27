build-dev/src/catalog/validate.o: src/catalog/validate.c \
 src/catalog/validate.h src/catalog/catalog.h src/base/embed.h \
 src/base/errs.h src/base/util.h
src/catalog/validate.h:
src/catalog/catalog.h:
src/base/embed.h:
src/base/errs.h:
src/base/util.h:
