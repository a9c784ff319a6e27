build-dev/src/core/risk.o: src/core/risk.c src/core/risk.h \
 src/core/model.h src/base/arena.h src/base/date.h
src/core/risk.h:
src/core/model.h:
src/base/arena.h:
src/base/date.h:
