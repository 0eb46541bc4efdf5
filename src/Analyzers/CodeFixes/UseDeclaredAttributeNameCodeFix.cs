using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using TelemetryConventions.Analyzers.Infrastructure;

namespace TelemetryConventions.CodeFixes;

/// <summary>
/// Replaces an attribute key with the declared name, through the generated constant when there is one:
/// an ad hoc spelling (TC2001) becomes the declared name it means, a literal (TC2002) its constant,
/// and a deprecated attribute (TC2005) the attribute it was renamed to.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseDeclaredAttributeNameCodeFix)), Shared]
public sealed class UseDeclaredAttributeNameCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds =>
        ImmutableArray.Create(RuleIds.AdHocAttributeName, RuleIds.RawAttributeName, RuleIds.DeprecatedAttribute);

    public override FixAllProvider GetFixAllProvider() => DocumentFixAll.Create(FixAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(PropertyNames.AttributeName, out var name) || string.IsNullOrEmpty(name))
        {
            return;
        }
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || FixHelpers.ExpressionAt(root, diagnostic.Location.SourceSpan) is not { } key)
        {
            return;
        }
        FixHelpers.NameExpression(model.Compilation, model, key.SpanStart, name!, context.CancellationToken, out var shown);
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Use {shown}",
                cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                // One key per rule, whatever the name, so that Fix All gathers every occurrence.
                equivalenceKey: diagnostic.Id),
            diagnostic);
    }

    /// <summary>Every key of the document in one pass, so that Fix All needs no second run.</summary>
    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var replaced = 0;
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PropertyNames.AttributeName, out var name) || string.IsNullOrEmpty(name)
                || FixHelpers.ExpressionAt(editor.OriginalRoot, diagnostic.Location.SourceSpan) is not { } key)
            {
                continue;
            }
            var replacement = FixHelpers.NameExpression(editor.SemanticModel.Compilation, editor.SemanticModel, key.SpanStart, name!, cancellationToken, out _);
            editor.ReplaceNode(key, (current, _) => replacement.WithTriviaFrom(current));
            replaced++;
        }
        return replaced == 0
            ? document
            : await FixHelpers.AddImportsAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
    }
}
