build-dev/src/exchange/doc_import.o: src/exchange/doc_import.c \
 src/base/util.h src/core/registers.h src/base/errs.h \
 src/catalog/catalog.h src/base/embed.h src/core/model.h src/base/arena.h \
 src/base/date.h src/core/risk.h src/exchange/doc.h \
 src/exchange/json_scan.h
src/base/util.h:
src/core/registers.h:
src/base/errs.h:
src/catalog/catalog.h:
src/base/embed.h:
src/core/model.h:
src/base/arena.h:
src/base/date.h:
src/core/risk.h:
src/exchange/doc.h:
src/exchange/json_scan.h:
