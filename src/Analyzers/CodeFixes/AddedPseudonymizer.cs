using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace TelemetryConventions.CodeFixes;

/// <summary>
/// A pseudonymiser the class does not have yet, taken from its constructor so that the host (the
/// service container, a test) decides where the key comes from: a primary-constructor parameter,
/// or a read-only field set by a new parameter of every instance constructor (one is added when
/// the class has none).
/// </summary>
internal sealed class AddedPseudonymizer
{
    private const string ParameterName = "pseudonymizer";

    private AddedPseudonymizer(ClassDeclarationSyntax declaration, string name, bool viaPrimaryConstructor)
    {
        Declaration = declaration;
        Name = name;
        ViaPrimaryConstructor = viaPrimaryConstructor;
    }

    /// <summary>The class declaration (as in the original document) that receives the pseudonymiser.</summary>
    public ClassDeclarationSyntax Declaration { get; }

    /// <summary>The name call sites use: the field, or the primary-constructor parameter.</summary>
    public string Name { get; }

    public bool ViaPrimaryConstructor { get; }

    /// <summary>
    /// Null where an instance member cannot serve the value: static code, field and property
    /// initializers, constructor initializers, static classes and anything but a class.
    /// </summary>
    public static AddedPseudonymizer? Plan(SemanticModel model, ExpressionSyntax at, INamedTypeSymbol pseudonymizer, CancellationToken cancellationToken)
    {
        if (FixHelpers.IsInStaticContext(model, at.SpanStart, cancellationToken)
            || at.Ancestors().Any(a => a is ConstructorInitializerSyntax or AttributeSyntax or ParameterSyntax
                || a is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } }
                || a is EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax }))
        {
            return null;
        }
        var declaration = at.FirstAncestorOrSelf<ClassDeclarationSyntax>();
        if (declaration is null || declaration.Modifiers.Any(SyntaxKind.StaticKeyword)
            || model.GetDeclaredSymbol(declaration, cancellationToken) is not { } type)
        {
            return null;
        }
        var primary = declaration.ParameterList is not null;
        var taken = new HashSet<string>(type.GetMembers().Select(m => m.Name), System.StringComparer.Ordinal);
        foreach (var symbol in model.LookupSymbols(at.SpanStart))
        {
            taken.Add(symbol.Name);
        }
        var baseName = primary ? ParameterName : "_" + ParameterName;
        var name = baseName;
        for (var index = 2; taken.Contains(name); index++)
        {
            name = baseName + index;
        }
        return new AddedPseudonymizer(declaration, name, primary);
    }

    /// <summary>The class as it now stands, with the pseudonymiser added.</summary>
    public ClassDeclarationSyntax Apply(ClassDeclarationSyntax current, TypeSyntax pseudonymizerType)
    {
        var type = pseudonymizerType.WithoutTrivia();
        if (ViaPrimaryConstructor)
        {
            return current.WithParameterList(WithParameter(current.ParameterList!, Name, type));
        }

        var field = SyntaxFactory.FieldDeclaration(
                SyntaxFactory.VariableDeclaration(type, SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(Name))))
            .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword), SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword)))
            .WithAdditionalAnnotations(Formatter.Annotation);

        var constructors = current.Members.OfType<ConstructorDeclarationSyntax>().Where(c => !c.Modifiers.Any(SyntaxKind.StaticKeyword)).ToList();
        var updated = current.ReplaceNodes(constructors, (_, rewritten) => WithParameter(rewritten, type));
        var members = updated.Members;
        if (constructors.Count == 0)
        {
            var constructor = SyntaxFactory.ConstructorDeclaration(current.Identifier.WithoutTrivia())
                .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PublicKeyword)))
                .WithParameterList(SyntaxFactory.ParameterList(SyntaxFactory.SingletonSeparatedList(Parameter(ParameterName, type))))
                .WithBody(SyntaxFactory.Block(Assignment(ParameterName)))
                .WithAdditionalAnnotations(Formatter.Annotation);
            var lastField = members.LastOrDefault(m => m is FieldDeclarationSyntax);
            members = lastField is null ? members.Insert(0, constructor) : members.Insert(members.IndexOf(lastField) + 1, constructor);
        }
        var afterFields = members.LastOrDefault(m => m is FieldDeclarationSyntax) is { } last ? members.IndexOf(last) + 1 : 0;
        return updated.WithMembers(members.Insert(afterFields, field));
    }

    /// <summary>
    /// A constructor that sets the field from a new parameter; one that chains to another with
    /// <c>this(…)</c> passes its parameter on instead.
    /// </summary>
    private ConstructorDeclarationSyntax WithParameter(ConstructorDeclarationSyntax constructor, TypeSyntax type)
    {
        var parameterName = ParameterName;
        for (var index = 2; constructor.ParameterList.Parameters.Any(p => p.Identifier.ValueText == parameterName); index++)
        {
            parameterName = ParameterName + index;
        }
        var result = constructor.WithParameterList(WithParameter(constructor.ParameterList, parameterName, type));
        if (constructor.Initializer is { ThisOrBaseKeyword.RawKind: (int)SyntaxKind.ThisKeyword } chained)
        {
            var argument = SyntaxFactory.Argument(SyntaxFactory.IdentifierName(parameterName))
                .WithNameColon(SyntaxFactory.NameColon(ParameterName));
            return result.WithInitializer(chained.WithArgumentList(chained.ArgumentList.AddArguments(argument)));
        }
        var assignment = Assignment(parameterName);
        if (result.Body is { } body)
        {
            return result.WithBody(body.WithStatements(body.Statements.Insert(0, assignment))).WithAdditionalAnnotations(Formatter.Annotation);
        }
        if (result.ExpressionBody is { } arrow)
        {
            return result.WithExpressionBody(null).WithSemicolonToken(default)
                .WithBody(SyntaxFactory.Block(assignment, SyntaxFactory.ExpressionStatement(arrow.Expression.WithoutTrivia())))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }
        return result;
    }

    private StatementSyntax Assignment(string parameterName) =>
        SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression,
            SyntaxFactory.IdentifierName(Name), SyntaxFactory.IdentifierName(parameterName)));

    /// <summary>A required parameter goes before the first optional or <c>params</c> one.</summary>
    private static ParameterListSyntax WithParameter(ParameterListSyntax list, string name, TypeSyntax type)
    {
        var parameters = list.Parameters;
        var index = 0;
        while (index < parameters.Count && parameters[index].Default is null && !parameters[index].Modifiers.Any(SyntaxKind.ParamsKeyword))
        {
            index++;
        }
        return list.WithParameters(parameters.Insert(index, Parameter(name, type))).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static ParameterSyntax Parameter(string name, TypeSyntax type) =>
        SyntaxFactory.Parameter(SyntaxFactory.Identifier(name)).WithType(type);
}
