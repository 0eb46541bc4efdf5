using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TelemetryConventions.Analyzers.Infrastructure;

namespace TelemetryConventions.CodeFixes;

/// <summary>
/// TC1002: replaces the unkeyed hash (with the encoding around it) by the pseudonymiser applied to
/// the value that was being hashed: <c>Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)))</c>
/// becomes <c>pseudonymizer.Compute("patient", id)</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceUnkeyedHashCodeFix)), Shared]
public sealed class ReplaceUnkeyedHashCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.UnkeyedHash);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (diagnostic.AdditionalLocations.Count < 2
            || !diagnostic.Properties.TryGetValue(PropertyNames.Domain, out var domain) || domain is null)
        {
            return;
        }
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || Find(root, diagnostic) is not ({ } replaced, { } raw)
            || PseudonymizerCall.Create(model, replaced, raw, domain, context.CancellationToken) is null)
        {
            return;
        }
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Pseudonymise with the '{domain}' domain instead of hashing",
                cancellationToken => ReplaceAsync(context.Document, diagnostic, domain, cancellationToken),
                equivalenceKey: RuleIds.UnkeyedHash),
            diagnostic);
    }

    private static (ExpressionSyntax Replaced, ExpressionSyntax Raw)? Find(SyntaxNode root, Diagnostic diagnostic)
    {
        var replacedLocation = diagnostic.AdditionalLocations[0];
        var rawLocation = diagnostic.AdditionalLocations[1];
        if (replacedLocation.SourceTree != root.SyntaxTree || rawLocation.SourceTree != root.SyntaxTree)
        {
            return null;
        }
        var replaced = FixHelpers.ExpressionAt(root, replacedLocation.SourceSpan);
        var raw = FixHelpers.ExpressionAt(root, rawLocation.SourceSpan);
        return replaced is null || raw is null || !replaced.Span.Contains(raw.Span) ? null : (replaced, raw);
    }

    private static async Task<Document> ReplaceAsync(Document document, Diagnostic diagnostic, string domain, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || Find(root, diagnostic) is not ({ } replaced, { } raw)
            || PseudonymizerCall.Create(model, replaced, raw, domain, cancellationToken) is not { } call)
        {
            return document;
        }
        return await FixHelpers.AddImportsAsync(document.WithSyntaxRoot(root.ReplaceNode(replaced, call.WithTriviaFrom(replaced))), cancellationToken).ConfigureAwait(false);
    }
}
