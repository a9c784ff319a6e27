build-dev/src/core/plan.o: src/core/plan.c src/base/util.h \
 src/core/rules.h src/catalog/catalog.h src/base/embed.h src/base/errs.h \
 src/core/model.h src/base/arena.h src/base/date.h
src/base/util.h:
src/core/rules.h:
src/catalog/catalog.h:
src/base/embed.h:
src/base/errs.h:
src/core/model.h:
src/base/arena.h:
src/base/date.h:
