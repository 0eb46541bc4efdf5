using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Querying.OData;

// A stand-in for the OData query options an [EnableQuery] endpoint binds and for the $filter parser,
// reduced to what the services call. What prints what:
// - FilterQueryOption.RawValue and OrderByQueryOption.RawValue are the texts as the client sent them.
// - ODataQueryOptions.QueryString prints every option as "$name=value", joined with '&'.
// - FilterClause.ToString() prints the parsed tree back in OData syntax with its constants inline
//   ("Email eq 'a@b.example'"); FilterClause.Shape prints it with each constant replaced by a
//   parameter name ("Email eq @p0"); Properties lists the property paths it reads, Constants the values.
// - OrderByClause prints "<property> <direction>" items joined with ','.
// - ODataFilterParseException's message quotes the filter text and the position, as ODataUriParser's
//   "Syntax error at position 12 in '…'." does.

public sealed class FilterQueryOption(string rawValue)
{
    public string RawValue { get; } = rawValue;

    public FilterClause FilterClause => FilterParser.Parse(RawValue);
}

public sealed class OrderByQueryOption(string rawValue)
{
    public string RawValue { get; } = rawValue;

    public OrderByClause OrderByClause => OrderByClause.Parse(RawValue);
}

public sealed class ODataQueryOptions
{
    public FilterQueryOption? Filter { get; init; }

    public OrderByQueryOption? OrderBy { get; init; }

    public int? Top { get; init; }

    public int? Skip { get; init; }

    public string? SkipToken { get; init; }

    public string? Select { get; init; }

    public bool Count { get; init; }

    public string QueryString
    {
        get
        {
            var parts = new List<string>();
            if (Filter is not null) parts.Add("$filter=" + Filter.RawValue);
            if (OrderBy is not null) parts.Add("$orderby=" + OrderBy.RawValue);
            if (Top is not null) parts.Add("$top=" + Top.Value.ToString(CultureInfo.InvariantCulture));
            if (Skip is not null) parts.Add("$skip=" + Skip.Value.ToString(CultureInfo.InvariantCulture));
            if (SkipToken is not null) parts.Add("$skiptoken=" + SkipToken);
            if (Select is not null) parts.Add("$select=" + Select);
            if (Count) parts.Add("$count=true");
            return string.Join("&", parts);
        }
    }
}

public abstract class FilterNode
{
    internal abstract string Print(Func<ConstantNode, string> constant);

    public override string ToString() => Print(c => c.Literal);
}

public sealed class PropertyNode(string path) : FilterNode
{
    public string Path { get; } = path;

    internal override string Print(Func<ConstantNode, string> constant) => Path;
}

public sealed class ConstantNode(object? value) : FilterNode
{
    public object? Value { get; } = value;

    public string Literal => Value switch
    {
        null => "null",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Value.ToString() ?? "null",
    };

    internal override string Print(Func<ConstantNode, string> constant) => constant(this);
}

public sealed class BinaryNode(string op, FilterNode left, FilterNode right) : FilterNode
{
    public string Operator { get; } = op;

    public FilterNode Left { get; } = left;

    public FilterNode Right { get; } = right;

    internal override string Print(Func<ConstantNode, string> constant) =>
        Operator is "and" or "or"
            ? $"({Left.Print(constant)}) {Operator} ({Right.Print(constant)})"
            : $"{Left.Print(constant)} {Operator} {Right.Print(constant)}";
}

public sealed class NotNode(FilterNode operand) : FilterNode
{
    public FilterNode Operand { get; } = operand;

    internal override string Print(Func<ConstantNode, string> constant) => $"not ({Operand.Print(constant)})";
}

public sealed class FunctionNode(string name, IReadOnlyList<FilterNode> arguments) : FilterNode
{
    public string Name { get; } = name;

    public IReadOnlyList<FilterNode> Arguments { get; } = arguments;

    internal override string Print(Func<ConstantNode, string> constant) =>
        $"{Name}({string.Join(",", Arguments.Select(a => a.Print(constant)))})";
}

public sealed class FilterClause(FilterNode root)
{
    public FilterNode Root { get; } = root;

    public IReadOnlyList<string> Properties => Walk(Root).OfType<PropertyNode>().Select(p => p.Path).Distinct().ToList();

    public IReadOnlyList<object?> Constants => Walk(Root).OfType<ConstantNode>().Select(c => c.Value).ToList();

    public int NodeCount => Walk(Root).Count();

    public string Shape
    {
        get
        {
            var index = 0;
            return Root.Print(_ => "@p" + (index++).ToString(CultureInfo.InvariantCulture));
        }
    }

    public override string ToString() => Root.ToString();

    private static IEnumerable<FilterNode> Walk(FilterNode node)
    {
        yield return node;
        var children = node switch
        {
            BinaryNode b => new[] { b.Left, b.Right },
            NotNode n => new[] { n.Operand },
            FunctionNode f => f.Arguments.ToArray(),
            _ => Array.Empty<FilterNode>(),
        };
        foreach (var child in children)
        {
            foreach (var descendant in Walk(child))
            {
                yield return descendant;
            }
        }
    }
}

public sealed record OrderByItem(string Property, bool Descending)
{
    public override string ToString() => Property + (Descending ? " desc" : " asc");
}

public sealed class OrderByClause(IReadOnlyList<OrderByItem> items)
{
    public IReadOnlyList<OrderByItem> Items { get; } = items;

    public static OrderByClause Parse(string text) =>
        new(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(words => new OrderByItem(words[0], words.Length > 1 && words[1].Equals("desc", StringComparison.OrdinalIgnoreCase)))
            .ToList());

    public override string ToString() => string.Join(",", Items);
}

public sealed class ODataFilterParseException(string text, int position, string reason)
    : Exception($"Syntax error at position {position} in '{text}'. {reason}")
{
    public int Position { get; } = position;

    public string Reason { get; } = reason;
}

/// <summary>A small recursive-descent parser for the $filter subset the services allow.</summary>
public static class FilterParser
{
    private static readonly HashSet<string> Comparisons = new(StringComparer.Ordinal) { "eq", "ne", "gt", "ge", "lt", "le" };

    public static FilterClause Parse(string text)
    {
        var tokens = Tokenize(text);
        var position = 0;
        var root = ParseOr(text, tokens, ref position);
        if (position < tokens.Count)
        {
            throw new ODataFilterParseException(text, tokens[position].Offset, $"Unexpected '{tokens[position].Text}'.");
        }
        return new FilterClause(root);
    }

    private sealed record Token(string Text, int Offset, bool Quoted);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new Token(c.ToString(), i, false));
                i++;
            }
            else if (c == '\'')
            {
                var start = i++;
                var value = new StringBuilder();
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new ODataFilterParseException(text, start, "Unterminated string literal.");
                    }
                    if (text[i] == '\'')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '\'')
                        {
                            value.Append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    value.Append(text[i++]);
                }
                tokens.Add(new Token(value.ToString(), start, true));
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not '(' and not ')' and not ',' and not '\'')
                {
                    i++;
                }
                tokens.Add(new Token(text[start..i], start, false));
            }
        }
        return tokens;
    }

    private static FilterNode ParseOr(string text, List<Token> tokens, ref int position)
    {
        var left = ParseAnd(text, tokens, ref position);
        while (position < tokens.Count && !tokens[position].Quoted && tokens[position].Text == "or")
        {
            position++;
            left = new BinaryNode("or", left, ParseAnd(text, tokens, ref position));
        }
        return left;
    }

    private static FilterNode ParseAnd(string text, List<Token> tokens, ref int position)
    {
        var left = ParseUnary(text, tokens, ref position);
        while (position < tokens.Count && !tokens[position].Quoted && tokens[position].Text == "and")
        {
            position++;
            left = new BinaryNode("and", left, ParseUnary(text, tokens, ref position));
        }
        return left;
    }

    private static FilterNode ParseUnary(string text, List<Token> tokens, ref int position)
    {
        if (position < tokens.Count && !tokens[position].Quoted && tokens[position].Text == "not")
        {
            position++;
            return new NotNode(ParseUnary(text, tokens, ref position));
        }
        if (position < tokens.Count && tokens[position].Text == "(" && !tokens[position].Quoted)
        {
            position++;
            var inner = ParseOr(text, tokens, ref position);
            Expect(text, tokens, ref position, ")");
            return inner;
        }
        var left = ParseOperand(text, tokens, ref position);
        if (left is FunctionNode)
        {
            return left;
        }
        if (position >= tokens.Count || tokens[position].Quoted || !Comparisons.Contains(tokens[position].Text))
        {
            throw new ODataFilterParseException(text, position < tokens.Count ? tokens[position].Offset : text.Length, "Expected a comparison operator.");
        }
        var op = tokens[position++].Text;
        return new BinaryNode(op, left, ParseOperand(text, tokens, ref position));
    }

    private static FilterNode ParseOperand(string text, List<Token> tokens, ref int position)
    {
        if (position >= tokens.Count)
        {
            throw new ODataFilterParseException(text, text.Length, "Expected an operand.");
        }
        var token = tokens[position++];
        if (token.Quoted)
        {
            return new ConstantNode(token.Text);
        }
        if (position < tokens.Count && tokens[position].Text == "(" && !tokens[position].Quoted)
        {
            position++;
            var arguments = new List<FilterNode> { ParseOperand(text, tokens, ref position) };
            while (position < tokens.Count && tokens[position].Text == ",")
            {
                position++;
                arguments.Add(ParseOperand(text, tokens, ref position));
            }
            Expect(text, tokens, ref position, ")");
            return new FunctionNode(token.Text, arguments);
        }
        if (token.Text is "true" or "false")
        {
            return new ConstantNode(token.Text == "true");
        }
        if (token.Text == "null")
        {
            return new ConstantNode(null);
        }
        if (decimal.TryParse(token.Text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return new ConstantNode(number);
        }
        if (char.IsLetter(token.Text[0]))
        {
            return new PropertyNode(token.Text);
        }
        throw new ODataFilterParseException(text, token.Offset, $"Unexpected '{token.Text}'.");
    }

    private static void Expect(string text, List<Token> tokens, ref int position, string what)
    {
        if (position >= tokens.Count || tokens[position].Text != what)
        {
            throw new ODataFilterParseException(text, position < tokens.Count ? tokens[position].Offset : text.Length, $"Expected '{what}'.");
        }
        position++;
    }
}
