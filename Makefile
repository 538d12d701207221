# make install PREFIX=/opt/ocop   → $(PREFIX)/bin/ocop and $(PREFIX)/share/ocop/{scoring,db}
PREFIX ?= /usr/local
SWIFT ?= swift

.PHONY: build install uninstall test demo

build:
	$(SWIFT) build -c release --product ocop

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/ocop
	install -m 0755 .build/release/ocop $(DESTDIR)$(PREFIX)/bin/ocop
	rm -rf $(DESTDIR)$(PREFIX)/share/ocop/scoring $(DESTDIR)$(PREFIX)/share/ocop/db
	cp -R scoring $(DESTDIR)$(PREFIX)/share/ocop/scoring
	rm -rf $(DESTDIR)$(PREFIX)/share/ocop/scoring/tools
	install -d $(DESTDIR)$(PREFIX)/share/ocop/db
	cp -R db/migrations $(DESTDIR)$(PREFIX)/share/ocop/db/migrations
	cp -R db/seed $(DESTDIR)$(PREFIX)/share/ocop/db/seed

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/ocop
	rm -rf $(DESTDIR)$(PREFIX)/share/ocop

test:
	bash scripts/test.sh

demo:
	bash scripts/demo.sh
