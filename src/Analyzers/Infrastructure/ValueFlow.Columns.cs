using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TelemetryConventions.Analyzers.Infrastructure;

// The value flow, continued: a column read from a data reader by its position, named by the query
// that the reader was opened with (SELECT HOSPITAL_NO, … then reader.GetString(0)).
internal sealed partial class ValueFlow
{
    private static readonly Regex SelectList = new(@"\bSELECT\s+(?:DISTINCT\s+)?(?:TOP\s*\(?\s*\d+\s*\)?\s+)?(?<list>.+?)\s+FROM\s+(?<tables>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly Regex TableAlias = new(@"\b(?:FROM|JOIN)\s+(?<table>[\w\.\[\]""]+)(?:\s+(?:AS\s+)?(?<alias>(?!ON\b|WHERE\b|JOIN\b|INNER\b|LEFT\b|RIGHT\b|FULL\b|CROSS\b|GROUP\b|ORDER\b)\w+))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// <c>reader.GetString(0)</c>, <c>reader.GetValue(1)</c>, <c>reader[2]</c> of a reader opened with a literal
    /// query: the column at that position of its select list, judged by its name and its table's
    /// (<c>m.SERIAL</c> of <c>JOIN METER m</c> is a meter serial). Null when it is no such read.
    /// </summary>
    private FlowResult? ColumnByPosition(IOperation read, IOperation reader, IOperation position, Frame frame)
    {
        if (position.ConstantValue is not { HasValue: true, Value: int ordinal } || !IsDataReader(reader.Type)
            || QueryOf(reader) is not { } query || ColumnAt(query, ordinal) is not { } column)
        {
            return null;
        }
        var words = NameWords.Split(column.Name);
        if (frame.Options.IsIdentifierName(words, out var domain)
            || (column.Table is { } table && frame.Options.IsIdentifierName(NameWords.Split(table).Concat(words).ToList(), out domain)))
        {
            return Found(read, domain, $"{Describe(read)} (the query's column {column.Name})");
        }
        return null;
    }

    private static bool IsDataReader(ITypeSymbol? type) =>
        type is not null && (type.Name.EndsWith("DataReader", StringComparison.Ordinal) || type.AllInterfaces.Any(i => i.Name is "IDataRecord" or "IDataReader"));

    /// <summary>The literal text of the command whose <c>ExecuteReader</c> opened the reader, when the method shows it.</summary>
    private static string? QueryOf(IOperation reader)
    {
        var opened = OperationTree.Unwrap(reader);
        if (opened is ILocalReferenceOperation local)
        {
            var writes = LocalWrites(local.Local, OperationTree.Root(local));
            if (writes.Count != 1)
            {
                return null;
            }
            opened = OperationTree.Unwrap(writes[0].Value);
        }
        if (opened is IAwaitOperation awaited)
        {
            opened = OperationTree.Unwrap(awaited.Operation);
        }
        if (opened is not IInvocationOperation { TargetMethod.Name: "ExecuteReader" or "ExecuteReaderAsync", Instance: { } command })
        {
            return null;
        }
        var commandOperation = OperationTree.Unwrap(command);
        var commandSymbol = ReferencedSymbol(commandOperation);
        if (commandSymbol is null)
        {
            return null;
        }
        string? text = null;
        foreach (var operation in OperationTree.Descendants(OperationTree.Root(commandOperation)))
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "CommandText", Instance: { } instance }, Value.ConstantValue: { HasValue: true, Value: string assigned } }
                    when SymbolEqualityComparer.Default.Equals(ReferencedSymbol(OperationTree.Unwrap(instance)), commandSymbol):
                    text = assigned;
                    break;
                case IVariableDeclaratorOperation { Initializer.Value: { } initial } declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, commandSymbol)
                    && OperationTree.Unwrap(initial) is IObjectCreationOperation creation:
                    text = creation.Arguments.Select(a => a.Value.ConstantValue).FirstOrDefault(c => c.HasValue && c.Value is string).Value as string ?? text;
                    break;
            }
        }
        return text;
    }

    /// <summary>The name (its alias when it has one) and table of a select list's column at a position.</summary>
    private static (string Name, string? Table)? ColumnAt(string query, int ordinal)
    {
        var match = SelectList.Match(query);
        if (!match.Success || ordinal < 0)
        {
            return null;
        }
        var columns = SplitTopLevel(match.Groups["list"].Value);
        if (ordinal >= columns.Count)
        {
            return null;
        }
        var column = columns[ordinal].Trim();
        var alias = Regex.Match(column, @"\s+(?:AS\s+)?(?<alias>[\w\[\]""]+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        string? prefix = null;
        string name;
        if (alias.Success && !column.TrimEnd().EndsWith(")", StringComparison.Ordinal) && column.IndexOf(' ') > 0)
        {
            name = alias.Groups["alias"].Value;
        }
        else
        {
            var dot = column.LastIndexOf('.');
            prefix = dot > 0 ? column.Substring(0, dot) : null;
            name = dot >= 0 ? column.Substring(dot + 1) : column;
        }
        name = name.Trim('[', ']', '"', '`', ' ');
        if (name.Length == 0 || name == "*" || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            return null;
        }
        string? table = null;
        foreach (Match source in TableAlias.Matches(match.Groups["tables"].Value))
        {
            var tableName = source.Groups["table"].Value.Split('.').Last().Trim('[', ']', '"');
            if (prefix is null || string.Equals(source.Groups["alias"].Value, prefix, StringComparison.OrdinalIgnoreCase)
                || string.Equals(tableName, prefix.Split('.').Last().Trim('[', ']', '"'), StringComparison.OrdinalIgnoreCase))
            {
                table = tableName;
                break;
            }
        }
        return (name, table);
    }

    private static List<string> SplitTopLevel(string list)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            switch (list[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    parts.Add(list.Substring(start, i - start));
                    start = i + 1;
                    break;
            }
        }
        parts.Add(list.Substring(start));
        return parts;
    }
}
