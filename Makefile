# make install PREFIX=/opt/ocop   → $(PREFIX)/bin/ocop, $(PREFIX)/libexec/ocop/ocop-print (the print
# helper), $(PREFIX)/share/ocop/{scoring,db} and the
# man pages $(PREFIX)/share/man/man1/ocop.1 (English) and share/man/vi/man1/ocop.1 (Vietnamese),
# and the bash, zsh and fish completions, generated from the command definitions of the binary
# just built.
PREFIX ?= /usr/local
MANDIR ?= $(PREFIX)/share/man
SWIFT ?= swift

.PHONY: build man completions install uninstall test demo

# The release programs: ocop, and its print helper ocop-print (the only one that loads cairo and
# pango). The Swift runtime and Foundation are linked in (--static-swift-stdlib, as for Swift
# server deployments): no toolchain needed where they run, and every command starts sooner.
RELEASE = $(SWIFT) build -c release --static-swift-stdlib

build:
	$(RELEASE) --product ocop
	$(RELEASE) --product ocop-print

man: build
	mkdir -p .build/man
	python3 scripts/manpage.py .build/release/ocop --lang en > .build/man/ocop.1
	python3 scripts/manpage.py .build/release/ocop --lang vi > .build/man/ocop.vi.1

# Tab completion of commands, options and their values (swift-argument-parser's scripts).
completions: build
	mkdir -p .build/completions
	.build/release/ocop --generate-completion-script bash > .build/completions/ocop.bash
	.build/release/ocop --generate-completion-script zsh > .build/completions/_ocop
	.build/release/ocop --generate-completion-script fish > .build/completions/ocop.fish

install: build man completions
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/libexec/ocop $(DESTDIR)$(PREFIX)/share/ocop $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/vi/man1
	install -m 0755 .build/release/ocop $(DESTDIR)$(PREFIX)/bin/ocop
	install -m 0755 .build/release/ocop-print $(DESTDIR)$(PREFIX)/libexec/ocop/ocop-print
	install -m 0644 .build/man/ocop.1 $(DESTDIR)$(MANDIR)/man1/ocop.1
	install -m 0644 .build/man/ocop.vi.1 $(DESTDIR)$(MANDIR)/vi/man1/ocop.1
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 0644 .build/completions/ocop.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/ocop
	install -m 0644 .build/completions/_ocop $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_ocop
	install -m 0644 .build/completions/ocop.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/ocop.fish
	rm -rf $(DESTDIR)$(PREFIX)/share/ocop/scoring $(DESTDIR)$(PREFIX)/share/ocop/db
	cp -R scoring $(DESTDIR)$(PREFIX)/share/ocop/scoring
	rm -rf $(DESTDIR)$(PREFIX)/share/ocop/scoring/tools
	install -d $(DESTDIR)$(PREFIX)/share/ocop/db
	cp -R db/migrations $(DESTDIR)$(PREFIX)/share/ocop/db/migrations
	cp -R db/seed $(DESTDIR)$(PREFIX)/share/ocop/db/seed

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/ocop $(DESTDIR)$(MANDIR)/man1/ocop.1 $(DESTDIR)$(MANDIR)/vi/man1/ocop.1
	rm -f $(DESTDIR)$(PREFIX)/share/bash-completion/completions/ocop $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_ocop $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/ocop.fish
	rm -rf $(DESTDIR)$(PREFIX)/libexec/ocop
	rm -rf $(DESTDIR)$(PREFIX)/share/ocop

test:
	bash scripts/test.sh

demo:
	bash scripts/demo.sh
