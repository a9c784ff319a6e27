build-dev/src/base/date.o: src/base/date.c src/base/date.h
src/base/date.h:
