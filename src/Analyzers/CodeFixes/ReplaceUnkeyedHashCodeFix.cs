using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using TelemetryConventions.Analyzers.Infrastructure;

namespace TelemetryConventions.CodeFixes;

/// <summary>
/// TC1002: replaces the unkeyed hash (with the encoding around it) by the pseudonymiser applied to
/// the value that was being hashed: <c>Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)))</c>
/// becomes <c>pseudonymizer.ComputePatientId(id)</c>, or <c>pseudonymizer.Compute("patient", id)</c>
/// where no generated helper applies.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceUnkeyedHashCodeFix)), Shared]
public sealed class ReplaceUnkeyedHashCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.UnkeyedHash);

    public override FixAllProvider GetFixAllProvider() => DocumentFixAll.Create(FixAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (Target(diagnostic) is not { } target)
        {
            return;
        }
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null
            || FixHelpers.ExpressionAt(root, target.Replaced) is not { } replaced
            || FixHelpers.ExpressionAt(root, target.Raw) is not { } raw
            || !replaced.Span.Contains(raw.Span)
            || PseudonymizerCall.Plan(model, replaced, raw, target.Domain, context.CancellationToken) is not { } call)
        {
            return;
        }
        context.RegisterCodeFix(
            CodeAction.Create(
                call.Title + " instead of hashing",
                cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                equivalenceKey: RuleIds.UnkeyedHash),
            diagnostic);
    }

    private static PseudonymizeTarget? Target(Diagnostic diagnostic)
    {
        if (diagnostic.AdditionalLocations.Count < 2
            || !diagnostic.Properties.TryGetValue(PropertyNames.Domain, out var domain) || domain is null
            || diagnostic.AdditionalLocations[0].SourceTree != diagnostic.Location.SourceTree
            || diagnostic.AdditionalLocations[1].SourceTree != diagnostic.Location.SourceTree)
        {
            return null;
        }
        return new PseudonymizeTarget(diagnostic.AdditionalLocations[0].SourceSpan, diagnostic.AdditionalLocations[1].SourceSpan, domain);
    }

    private static Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken) =>
        PseudonymizeEdit.ApplyAsync(document, diagnostics.Select(Target).Where(t => t is not null).Select(t => t!.Value), cancellationToken);
}
