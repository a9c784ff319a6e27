build-dev/src/view/views.o: src/view/views.c src/view/views.h \
 src/core/rules.h src/catalog/catalog.h src/base/embed.h src/base/errs.h \
 src/core/model.h src/base/arena.h src/base/date.h src/base/util.h
src/view/views.h:
src/core/rules.h:
src/catalog/catalog.h:
src/base/embed.h:
src/base/errs.h:
src/core/model.h:
src/base/arena.h:
src/base/date.h:
src/base/util.h:
