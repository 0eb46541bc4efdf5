using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TelemetryConventions.Analyzers.Infrastructure;
using TelemetryConventions.Analyzers.Rules;

namespace TelemetryConventions.CodeFixes;

/// <summary>TC1001: wraps the raw identifier with the runtime pseudonymiser, in the domain of its kind.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WrapWithPseudonymizerCodeFix)), Shared]
public sealed class WrapWithPseudonymizerCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.UnpseudonymisedIdentifier);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (diagnostic.Properties.ContainsKey(UnpseudonymisedIdentifierAnalyzer.RedactProperty)
            || !diagnostic.Properties.TryGetValue(PropertyNames.Domain, out var domain) || domain is null)
        {
            return;
        }
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || FixHelpers.ExpressionAt(root, diagnostic.Location.SourceSpan) is not { } raw)
        {
            return;
        }
        if (PseudonymizerCall.Create(model, raw, domain, context.CancellationToken) is null)
        {
            return;
        }
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Pseudonymise with the '{domain}' domain",
                cancellationToken => WrapAsync(context.Document, diagnostic.Location.SourceSpan, domain, cancellationToken),
                equivalenceKey: RuleIds.UnpseudonymisedIdentifier),
            diagnostic);
    }

    private static async Task<Document> WrapAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, string domain, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || FixHelpers.ExpressionAt(root, span) is not ExpressionSyntax raw
            || PseudonymizerCall.Create(model, raw, domain, cancellationToken) is not { } call)
        {
            return document;
        }
        return await FixHelpers.AddImportsAsync(document.WithSyntaxRoot(root.ReplaceNode(raw, call.WithTriviaFrom(raw))), cancellationToken).ConfigureAwait(false);
    }
}
