// Reports syntax errors in TypeScript, TSX and JavaScript files, one per line as
// "file:line:column: message", and exits 1 when there are any. Only syntax is checked:
// imports are not resolved, so the files need no installed dependencies.
import ts from "typescript";

const files = process.argv.slice(2);
const program = ts.createProgram(files, {
  noResolve: true,
  noLib: true,
  allowJs: true,
  jsx: ts.JsxEmit.Preserve,
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
});

let errors = 0;
for (const diagnostic of program.getSyntacticDiagnostics()) {
  errors++;
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(
    diagnostic.start ?? 0,
  );
  console.log(`${diagnostic.file.fileName}:${line + 1}:${character + 1}: ${message}`);
}
process.exit(errors > 0 ? 1 : 0);
