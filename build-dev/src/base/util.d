build-dev/src/base/util.o: src/base/util.c src/base/util.h
src/base/util.h:
