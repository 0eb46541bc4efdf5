using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
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

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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
                cancellationToken => ReplaceAsync(context.Document, diagnostic.Location.SourceSpan, name!, cancellationToken),
                equivalenceKey: diagnostic.Id),
            diagnostic);
    }

    private static async Task<Document> ReplaceAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, string name, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || FixHelpers.ExpressionAt(root, span) is not { } key)
        {
            return document;
        }
        var replacement = FixHelpers.NameExpression(model.Compilation, model, key.SpanStart, name, cancellationToken, out _);
        return await FixHelpers.AddImportsAsync(document.WithSyntaxRoot(root.ReplaceNode(key, replacement.WithTriviaFrom(key))), cancellationToken).ConfigureAwait(false);
    }
}
