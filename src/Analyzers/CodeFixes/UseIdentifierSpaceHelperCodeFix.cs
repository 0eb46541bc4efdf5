using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using TelemetryConventions.Analyzers.Rules;

namespace TelemetryConventions.CodeFixes;

/// <summary>
/// TC1004: <c>pseudonymizer.Pseudonymize("patient", raw)</c> becomes <c>pseudonymizer.PseudonymizePatientId(raw)</c>,
/// the generated helper of the attribute the pseudonym is sent under, whose domain the conventions declare.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseIdentifierSpaceHelperCodeFix)), Shared]
public sealed class UseIdentifierSpaceHelperCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(PseudonymDomainAnalyzer.Id);

    public override FixAllProvider GetFixAllProvider() => DocumentFixAll.Create(FixAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || Find(root, model, diagnostic, context.CancellationToken) is not ({ } call, { } helper))
        {
            return;
        }
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Use the generated helper of '{helper.AttributeName}' (domain '{helper.Domain}')",
                cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                equivalenceKey: PseudonymDomainAnalyzer.Id),
            diagnostic);
    }

    private static (InvocationExpressionSyntax Call, IdentifierSpaceHelper Helper)? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Location.SourceTree != root.SyntaxTree
            || !diagnostic.Properties.TryGetValue(PseudonymDomainAnalyzer.AttributeProperty, out var attribute) || attribute is null)
        {
            return null;
        }
        var argument = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<ArgumentSyntax>();
        if (argument?.Parent?.Parent is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
            || call.ArgumentList.Arguments.Count != 2 || call.ArgumentList.Arguments[0] != argument
            || access.Name.Identifier.ValueText is not ("Pseudonymize" or "Compute"))
        {
            return null;
        }
        var helper = IdentifierSpaceHelpers.Find(model.Compilation, cancellationToken).FirstOrDefault(h => h.AttributeName == attribute);
        if (helper is null || (access.Name.Identifier.ValueText == "Compute" && helper.ComputeName is null))
        {
            return null;
        }
        return (call, helper);
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var imports = new SortedSet<string>(System.StringComparer.Ordinal);
        var fixedCalls = new HashSet<InvocationExpressionSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (Find(editor.OriginalRoot, editor.SemanticModel, diagnostic, cancellationToken) is not ({ } call, { } helper) || !fixedCalls.Add(call))
            {
                continue;
            }
            var access = (MemberAccessExpressionSyntax)call.Expression;
            var name = access.Name.Identifier.ValueText == "Compute" ? helper.ComputeName! : helper.PseudonymizeName;
            var pseudonymizer = editor.SemanticModel.Compilation.GetTypeByMetadataName("TelemetryConventions.Pseudonymizer");
            if (pseudonymizer is not null && !editor.SemanticModel.LookupSymbols(call.SpanStart, pseudonymizer, name, includeReducedExtensionMethods: true).Any()
                && helper.Container.ContainingNamespace is { IsGlobalNamespace: false } ns)
            {
                imports.Add(ns.ToDisplayString());
            }
            editor.ReplaceNode(call, (current, _) =>
            {
                var currentCall = (InvocationExpressionSyntax)current;
                var currentAccess = (MemberAccessExpressionSyntax)currentCall.Expression;
                return currentCall
                    .WithExpression(currentAccess.WithName(SyntaxFactory.IdentifierName(name)))
                    .WithArgumentList(currentCall.ArgumentList.WithArguments(SyntaxFactory.SingletonSeparatedList(currentCall.ArgumentList.Arguments[1].WithoutLeadingTrivia())));
            });
        }
        var changed = FixHelpers.WithUsings(editor.GetChangedRoot(), imports);
        return await Formatter.FormatAsync(document.WithSyntaxRoot(changed), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
