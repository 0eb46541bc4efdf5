using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>One generated <c>logger.Log…Event(…)</c> method: its event, and its attribute parameters.</summary>
internal sealed class GeneratedLogEvent
{
    public GeneratedLogEvent(IMethodSymbol method, string eventName, IReadOnlyList<IParameterSymbol> attributes)
    {
        Method = method;
        EventName = eventName;
        Attributes = attributes;
    }

    public IMethodSymbol Method { get; }

    /// <summary>The event name the records carry (the name of the method's cached <c>EventId</c>).</summary>
    public string EventName { get; }

    /// <summary>The parameters after the logger, but the body and the level: one per attribute, required ones without a default.</summary>
    public IReadOnlyList<IParameterSymbol> Attributes { get; }

    /// <summary>The parameter of a declared attribute: its name is the attribute's, camel-cased.</summary>
    public IParameterSymbol? ParameterOf(string attributeName)
    {
        var compact = Compact(attributeName);
        return Attributes.FirstOrDefault(p => Compact(p.Name) == compact);
    }

    internal static string Compact(string name) =>
        new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}

/// <summary>
/// Finds the generator's log event methods by their shape, as <see cref="GeneratedApi"/> finds the
/// span factories: static <c>Log…Event</c> extension methods on <c>ILogger</c> in a class the
/// generator marked (<c>[GeneratedCode("TelemetryConventions", …)]</c>, whatever its name) or, by
/// hand, named <c>TelemetryEvents</c>, each beside a static <c>EventId</c> field named like it
/// (<c>Log<i>X</i></c> and <c><i>X</i>Id</c>) whose name is the event's.
/// </summary>
internal static class GeneratedLogEvents
{
    public const string EventsType = "TelemetryEvents";

    /// <summary>The events of the project's own sources (generated ones included); events whose body is a required parameter are left out.</summary>
    public static IReadOnlyList<GeneratedLogEvent> Find(Compilation compilation, INamedTypeSymbol logger, CancellationToken cancellationToken)
    {
        var events = new List<GeneratedLogEvent>();
        // The types that declare a Log…Event member, from the compiler's declaration table: a type's
        // member names are known without binding anything, and asking for types rather than for every
        // member of the source keeps the search from creating a symbol per matching method.
        var containers = compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Type, cancellationToken)
            .OfType<INamedTypeSymbol>()
            .Where(t => t.MemberNames.Any(IsLogEventName) && IsEventsContainer(t))
            .Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var container in containers)
        {
            foreach (var method in container.GetMembers().OfType<IMethodSymbol>())
            {
                if (!method.IsExtensionMethod || method.Parameters.Length == 0
                    || !SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, logger)
                    || !method.Name.StartsWith("Log", StringComparison.Ordinal) || !method.Name.EndsWith("Event", StringComparison.Ordinal)
                    || method.Parameters.Any(p => p.Name == "body" && !p.HasExplicitDefaultValue))
                {
                    continue;
                }
                var eventName = EventNameOf(container, method.Name.Substring("Log".Length) + "Id", cancellationToken);
                if (eventName is null)
                {
                    continue;
                }
                // The body and the level override are the method's own, not attributes.
                var attributes = method.Parameters.Skip(1).Where(p => p.Name is not ("body" or "level")).ToList();
                events.Add(new GeneratedLogEvent(method, eventName, attributes));
            }
        }
        return events;
    }

    /// <summary>A class the generator marked, or by hand one named <c>TelemetryEvents</c>.</summary>
    public static bool IsEventsContainer(INamedTypeSymbol type) => type.Name == EventsType || GeneratedApi.IsMarked(type);

    private static bool IsLogEventName(string name) =>
        name.Length > "LogEvent".Length && name.StartsWith("Log", StringComparison.Ordinal) && name.EndsWith("Event", StringComparison.Ordinal);

    /// <summary>The name in <c>new EventId(number, "name")</c>, the initializer of the event's id field.</summary>
    private static string? EventNameOf(INamedTypeSymbol container, string fieldName, CancellationToken cancellationToken)
    {
        var field = container.GetMembers(fieldName).OfType<IFieldSymbol>().FirstOrDefault(f => f.IsStatic && f.Type.Name == "EventId");
        if (field is null)
        {
            return null;
        }
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 2 } arguments } }
                && arguments[1].Expression is LiteralExpressionSyntax literal
                && literal.Token.Value is string name)
            {
                return name;
            }
        }
        return null;
    }
}
