using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>What fills one placeholder of a template: a C# type, a constant when there is one, and where to point.</summary>
internal sealed class LogPlaceholderValue
{
    public LogPlaceholderValue(ITypeSymbol type, Optional<object?> constant, Location location)
    {
        Type = type;
        Constant = constant;
        Location = location;
    }

    public ITypeSymbol Type { get; }

    public Optional<object?> Constant { get; }

    public Location Location { get; }
}

/// <summary>One placeholder of a message template, in order, with its value when the call site shows it.</summary>
internal sealed class LogPlaceholder
{
    public LogPlaceholder(string name, bool destructured, LogPlaceholderValue? value, bool inTemplate = true)
    {
        Name = name;
        Destructured = destructured;
        Value = value;
        InTemplate = inTemplate;
    }

    /// <summary>
    /// False for a value the record carries under its own name without a placeholder: a
    /// <c>[LoggerMessage]</c> method's parameter that the message does not use.
    /// </summary>
    public bool InTemplate { get; }

    /// <summary>How a diagnostic names it: <c>Placeholder 'PatientAge'</c> or <c>Parameter 'patientAge' (logged under its name)</c>.</summary>
    public string Describe() => InTemplate ? $"Placeholder '{Name}'" : $"Parameter '{Name}' (logged under its name)";

    /// <summary>The name without its <c>@</c>/<c>$</c> prefix, alignment and format (<c>{Count,5:N0}</c> is Count).</summary>
    public string Name { get; }

    /// <summary><c>{@Order}</c>: the provider is asked to write the value's members, not the value.</summary>
    public bool Destructured { get; }

    public LogPlaceholderValue? Value { get; }
}

/// <summary>A message template where it is used: its text, where it is written, and its placeholders.</summary>
internal sealed class LogTemplateUse
{
    public LogTemplateUse(string template, Location location, IReadOnlyList<LogPlaceholder> placeholders, int valueCount = -1, IReadOnlyList<LogPlaceholder>? unreferenced = null)
    {
        Template = template;
        Location = location;
        Placeholders = placeholders;
        ValueCount = valueCount;
        Unreferenced = unreferenced ?? Array.Empty<LogPlaceholder>();
    }

    /// <summary>
    /// Values the record carries beyond the placeholders, each under its own name: the logging
    /// generator adds every parameter of a <c>[LoggerMessage]</c> method to the record's state, used
    /// in the message or not (it only warns, SYSLIB1015).
    /// </summary>
    public IReadOnlyList<LogPlaceholder> Unreferenced { get; }

    /// <summary>Every named value the record exports: the placeholders, then the unreferenced values.</summary>
    public IEnumerable<LogPlaceholder> Exported => Unreferenced.Count == 0 ? Placeholders : Placeholders.Concat(Unreferenced);

    public string Template { get; }

    public Location Location { get; }

    public IReadOnlyList<LogPlaceholder> Placeholders { get; }

    /// <summary>How many values a logger call passes, when it writes them out; -1 otherwise.</summary>
    public int ValueCount { get; }
}

/// <summary>
/// The three places a log message template is written — a <c>LoggerExtensions</c> call
/// (<c>logger.LogInformation("…", args)</c>, <c>BeginScope</c>), a <c>LoggerMessage.Define</c>
/// template and a <c>[LoggerMessage]</c> method — found once for the rules on log templates, with the
/// argument, type argument or parameter that fills each placeholder.
/// </summary>
internal static class LogTemplateUses
{
    private const string LoggingNamespace = "Microsoft.Extensions.Logging";

    /// <summary>
    /// Calls <paramref name="check"/> for every template of the compilation, when it references
    /// Microsoft.Extensions.Logging and has convention files (what the rules compare templates with).
    /// </summary>
    public static void Register(CompilationStartAnalysisContext start, Action<Action<Diagnostic>, ConventionIndex, LogTemplateUse> check)
    {
        var loggerExtensions = start.Compilation.GetTypeByMetadataName(LoggingNamespace + ".LoggerExtensions");
        var loggerMessage = start.Compilation.GetTypeByMetadataName(LoggingNamespace + ".LoggerMessage");
        var loggerMessageAttribute = start.Compilation.GetTypeByMetadataName(LoggingNamespace + ".LoggerMessageAttribute");
        if (loggerExtensions is null || !start.Options.AdditionalFiles.Any(f => f?.Path is { } path && ConventionCache.IsConventionFile(path)))
        {
            return;
        }
        var options = start.Options;
        var conventions = new Lazy<ConventionIndex>(() => ConventionCache.Get(options.AdditionalFiles, start.CancellationToken));
        start.RegisterOperationAction(operation =>
        {
            var invocation = (IInvocationOperation)operation.Operation;
            var type = invocation.TargetMethod.ContainingType;
            LogTemplateUse? use = null;
            if (SymbolEqualityComparer.Default.Equals(type, loggerExtensions))
            {
                use = FromExtensionCall(invocation);
            }
            else if (SymbolEqualityComparer.Default.Equals(type, loggerMessage))
            {
                use = FromDefine(invocation);
            }
            if (use is not null)
            {
                check(operation.ReportDiagnostic, conventions.Value, use);
            }
        }, OperationKind.Invocation);
        if (loggerMessageAttribute is null)
        {
            return;
        }
        start.RegisterSymbolAction(symbol =>
        {
            // A partial method's two parts share its attributes: the declaring part reports.
            if (symbol.Symbol is not IMethodSymbol { PartialDefinitionPart: null } method)
            {
                return;
            }
            foreach (var attribute in method.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, loggerMessageAttribute))
                {
                    continue;
                }
                var location = attribute.ApplicationSyntaxReference?.GetSyntax(symbol.CancellationToken).GetLocation() ?? Location.None;
                foreach (var template in Templates(attribute))
                {
                    check(symbol.ReportDiagnostic, conventions.Value, FromLoggerMessageMethod(method, template, location));
                }
            }
        }, SymbolKind.Method);
    }

    /// <summary>
    /// The attribute a placeholder names: spelt as declared (<c>{patient.id}</c>), or spelt without
    /// separators and case (<c>{PatientId}</c>, <c>{patient_id}</c>) when only one attribute is.
    /// Templates (<c>http.request.header</c>) are not named by a placeholder.
    /// </summary>
    public static AttributeDefinition? DeclaredAttribute(ConventionIndex conventions, string placeholder)
    {
        if (placeholder.Length == 0)
        {
            return null;
        }
        return conventions.Find(placeholder) is { } exact && exact.Name == placeholder
            ? exact
            : conventions.FindByCompactName(placeholder);
    }

    /// <summary>
    /// <c>logger.LogX("…", a, b)</c>: the values of <c>args</c>, in order, as written (before their
    /// conversion to object). A prebuilt array leaves the values unknown.
    /// </summary>
    public static LogTemplateUse? FromExtensionCall(IInvocationOperation invocation)
    {
        IOperation? message = null;
        IOperation? values = null;
        foreach (var argument in invocation.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "message" or "messageFormat":
                    message = argument.Value;
                    break;
                case "args":
                    values = argument.Value;
                    break;
            }
        }
        if (message?.ConstantValue is not { HasValue: true, Value: string template })
        {
            return null;
        }
        var elements = values switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => (IReadOnlyList<IOperation>)initializer.ElementValues,
            // A params span (newer Logging.Abstractions) has no interface in this Roslyn version: its children are the values.
            { Kind: OperationKind.None } other => new List<IOperation>(other.ChildOperations),
            _ => Array.Empty<IOperation>(),
        };
        var names = LogTemplate.Placeholders(template);
        var destructured = LogTemplate.Destructured(template);
        var placeholders = new List<LogPlaceholder>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            LogPlaceholderValue? value = null;
            if (i < elements.Count && WithoutImplicitConversions(elements[i]) is { Type: { } valueType } element)
            {
                value = new LogPlaceholderValue(valueType, element.ConstantValue, element.Syntax.GetLocation());
            }
            placeholders.Add(new LogPlaceholder(names[i], destructured[i], value));
        }
        var valueCount = values is IArrayCreationOperation { Initializer: not null } || values is { Kind: OperationKind.None } ? elements.Count : -1;
        return new LogTemplateUse(template, message.Syntax.GetLocation(), placeholders, valueCount);
    }

    /// <summary><c>LoggerMessage.Define&lt;int, string&gt;(…, "…")</c>: the type arguments fill the placeholders in order.</summary>
    private static LogTemplateUse? FromDefine(IInvocationOperation invocation)
    {
        IOperation? message = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "formatString")
            {
                message = argument.Value;
            }
        }
        if (message?.ConstantValue is not { HasValue: true, Value: string template })
        {
            return null;
        }
        var typeArguments = invocation.TargetMethod.TypeArguments;
        var typeArgumentSyntax = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } }
            ? generic.TypeArgumentList.Arguments
            : default(SeparatedSyntaxList<TypeSyntax>?);
        var names = LogTemplate.Placeholders(template);
        var destructured = LogTemplate.Destructured(template);
        var placeholders = new List<LogPlaceholder>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            LogPlaceholderValue? value = null;
            if (i < typeArguments.Length)
            {
                var location = typeArgumentSyntax is { } syntax && i < syntax.Count ? syntax[i].GetLocation() : message.Syntax.GetLocation();
                value = new LogPlaceholderValue(typeArguments[i], default, location);
            }
            placeholders.Add(new LogPlaceholder(names[i], destructured[i], value));
        }
        return new LogTemplateUse(template, message.Syntax.GetLocation(), placeholders);
    }

    /// <summary>
    /// A <c>[LoggerMessage]</c> method: each placeholder is filled by the parameter of its name, as
    /// the logging generator matches them (ignoring case).
    /// </summary>
    private static LogTemplateUse FromLoggerMessageMethod(IMethodSymbol method, string template, Location location)
    {
        var names = LogTemplate.Placeholders(template);
        var destructured = LogTemplate.Destructured(template);
        var placeholders = new List<LogPlaceholder>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            LogPlaceholderValue? value = null;
            foreach (var parameter in method.Parameters)
            {
                if (string.Equals(parameter.Name, names[i], StringComparison.OrdinalIgnoreCase))
                {
                    value = new LogPlaceholderValue(parameter.Type, default, parameter.Locations.Length > 0 ? parameter.Locations[0] : location);
                    break;
                }
            }
            placeholders.Add(new LogPlaceholder(names[i], destructured[i], value));
        }
        List<LogPlaceholder>? unreferenced = null;
        foreach (var parameter in method.Parameters)
        {
            if (IsLoggingPlumbing(parameter.Type) || names.Any(n => string.Equals(n, parameter.Name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            var value = new LogPlaceholderValue(parameter.Type, default, parameter.Locations.Length > 0 ? parameter.Locations[0] : location);
            (unreferenced ??= new List<LogPlaceholder>()).Add(new LogPlaceholder(parameter.Name, destructured: false, value, inTemplate: false));
        }
        return new LogTemplateUse(template, location, placeholders, unreferenced: unreferenced);
    }

    /// <summary>The logger, the level and the exception, which the logging generator passes to the logger itself, not as state.</summary>
    private static bool IsLoggingPlumbing(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current is { Name: "Exception", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return true;
            }
        }
        return type is { Name: "ILogger" or "LogLevel", ContainingNamespace: { } ns } && ns.ToDisplayString() == LoggingNamespace
            || type.AllInterfaces.Any(i => i is { Name: "ILogger" } && i.ContainingNamespace.ToDisplayString() == LoggingNamespace);
    }

    /// <summary>The message template of a <c>[LoggerMessage]</c>: named <c>Message</c>, or a constructor argument named <c>message</c>.</summary>
    internal static IEnumerable<string> Templates(AttributeData attribute)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "Message" && named.Value.Value is string message)
            {
                yield return message;
            }
        }
        var parameters = attribute.AttributeConstructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        for (var i = 0; i < attribute.ConstructorArguments.Length && i < parameters.Length; i++)
        {
            if (parameters[i].Name == "message" && attribute.ConstructorArguments[i].Value is string message)
            {
                yield return message;
            }
        }
    }

    /// <summary>
    /// The value under the implicit conversion to object that <c>params object[]</c> adds. An
    /// explicit cast (<c>(object)count</c>) is the writer's own word on the type and stays.
    /// </summary>
    private static IOperation WithoutImplicitConversions(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true, Operand: { } operand })
        {
            operation = operand;
        }
        return operation;
    }
}
