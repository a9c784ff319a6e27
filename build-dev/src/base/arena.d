build-dev/src/base/arena.o: src/base/arena.c src/base/arena.h \
 src/base/util.h
src/base/arena.h:
src/base/util.h:
