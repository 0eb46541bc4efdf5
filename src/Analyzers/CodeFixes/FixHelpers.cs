using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using TelemetryConventions.Analyzers.Infrastructure;

namespace TelemetryConventions.CodeFixes;

/// <summary>What several fixes need: the expression a diagnostic points at, and the generated constant for a name.</summary>
internal static class FixHelpers
{
    /// <summary>The expression at a diagnostic's location (an argument's expression when the argument matched).</summary>
    public static ExpressionSyntax? ExpressionAt(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        return node switch
        {
            ArgumentSyntax argument => WholeAccess(argument.Expression),
            InterpolationSyntax interpolation => WholeAccess(interpolation.Expression),
            ExpressionSyntax expression => WholeAccess(expression),
            _ => null,
        };
    }

    /// <summary>
    /// The end of a null-conditional chain is replaced with the whole chain: <c>.Mrn</c> in
    /// <c>patient?.Mrn</c> (a member binding) cannot stand on its own, so a fix wraps <c>patient?.Mrn</c>.
    /// </summary>
    private static ExpressionSyntax WholeAccess(ExpressionSyntax expression)
    {
        var current = expression;
        while (current.Parent is { } parent)
        {
            if (parent is ConditionalAccessExpressionSyntax access && access.WhenNotNull == current)
            {
                // patient?.Visit?.Mrn nests: the outer access holds the inner one as its end.
                current = access;
            }
            else
            {
                break;
            }
        }
        return current;
    }

    /// <summary>
    /// <c>PatientAttributes.Id</c> for <c>"patient.id"</c> when the generator made it and it can be
    /// used here, else the declared name as a literal.
    /// </summary>
    public static ExpressionSyntax NameExpression(Compilation compilation, SemanticModel model, int position, string attributeName, CancellationToken cancellationToken, out string shown)
    {
        var constants = GeneratedConstants.Find(compilation, cancellationToken);
        if (constants.TryGetValue(attributeName, out var field) && model.IsAccessible(position, field))
        {
            shown = field.ContainingType.Name + "." + field.Name;
            var qualified = field.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + field.Name;
            return SyntaxFactory.ParseExpression(qualified).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation, Formatter.Annotation);
        }
        shown = "\"" + attributeName + "\"";
        return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(attributeName));
    }

    /// <summary>
    /// Adds the usings that the inserted names were annotated for, so that the simplifier can then
    /// shorten <c>global::Contoso.Telemetry.PatientAttributes.Id</c> to <c>PatientAttributes.Id</c>.
    /// </summary>
    public static Task<Document> AddImportsAsync(Document document, CancellationToken cancellationToken) =>
        ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken);

    /// <summary>
    /// Adds <c>using</c> directives for the namespaces not yet imported, so that a generated extension
    /// method (<c>pseudonymizer.PseudonymizePatientId(…)</c>) binds.
    /// </summary>
    public static SyntaxNode WithUsings(SyntaxNode root, IEnumerable<string> namespaces)
    {
        if (root is not CompilationUnitSyntax unit)
        {
            return root;
        }
        var present = new HashSet<string>(unit.Usings.Select(u => u.Name?.ToString() ?? ""), System.StringComparer.Ordinal);
        var added = namespaces.Where(present.Add)
            .Select(n => SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(n)).WithAdditionalAnnotations(Formatter.Annotation))
            .ToArray();
        return added.Length == 0 ? root : unit.AddUsings(added);
    }

    public static T WithTriviaFrom<T>(this T replacement, SyntaxNode original)
        where T : SyntaxNode =>
        replacement.WithLeadingTrivia(original.GetLeadingTrivia()).WithTrailingTrivia(original.GetTrailingTrivia());

    public static bool IsInStaticContext(SemanticModel model, int position, CancellationToken cancellationToken)
    {
        var enclosing = model.GetEnclosingSymbol(position, cancellationToken);
        for (var symbol = enclosing; symbol is not null; symbol = symbol.ContainingSymbol)
        {
            if (symbol is IMethodSymbol { MethodKind: not (MethodKind.LocalFunction or MethodKind.AnonymousFunction) } method)
            {
                return method.IsStatic;
            }
            if (symbol is IFieldSymbol or IPropertySymbol)
            {
                return symbol.IsStatic;
            }
        }
        return enclosing?.IsStatic ?? false;
    }

    public static string Truncate(string text) => text.Length > 40 ? text.Substring(0, 37) + "..." : text;
}
