using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout34.Support.Templating;

// Stand-ins for a template engine (letters and certificates rendered from a model) and for a
// mail-merge document (placeholders «Field» filled from one row of a data source).

public interface ITemplateEngine
{
    /// <exception cref="TemplateNotFoundException">No template of that name.</exception>
    /// <exception cref="TemplateMemberException">A member the template reads is missing.</exception>
    /// <exception cref="FormatFilterException">A filter could not convert a value.</exception>
    Task<RenderResult> RenderAsync(string templateName, object model, CancellationToken cancellationToken = default);
}

/// <summary>The rendered document: its id, its text, the PDF and the placeholders left without a value (their paths).</summary>
public sealed record RenderResult(string DocumentId, string Text, byte[] Pdf, int PageCount, IReadOnlyList<string> UnresolvedPlaceholders);

public sealed class TemplateNotFoundException(string templateName) : Exception($"Template '{templateName}' was not found.")
{
    public string TemplateName { get; } = templateName;
}

/// <summary>Names the template, the member path and the position; never a value.</summary>
public sealed class TemplateMemberException(string templateName, string memberPath, int line, int column)
    : Exception($"<{templateName}>({line},{column}) : error : member '{memberPath}' is null or not found")
{
    public string TemplateName { get; } = templateName;

    public string MemberPath { get; } = memberPath;
}

/// <summary>A filter (<c>date</c>, <c>upper</c>, <c>postcode</c>) failed; the message quotes the input it was given.</summary>
public sealed class FormatFilterException(string filter, string input)
    : Exception($"The filter '{filter}' could not convert '{input}'")
{
    public string Filter { get; } = filter;

    public string Input { get; } = input;
}

public sealed class MailMergeDocument
{
    private readonly string _body;

    private MailMergeDocument(string name, string body)
    {
        Name = name;
        _body = body;
        FieldNames = FieldPattern().Matches(body).Select(m => m.Groups[1].Value).Distinct().ToList();
    }

    public string Name { get; }

    public IReadOnlyList<string> FieldNames { get; }

    public static MailMergeDocument Load(string name, string body) => new(name, body);

    public MergeOutput Merge(IReadOnlyDictionary<string, string?> row)
    {
        var missing = new List<string>();
        var text = FieldPattern().Replace(_body, m =>
        {
            if (row.TryGetValue(m.Groups[1].Value, out var value) && value is not null)
            {
                return value;
            }

            missing.Add(m.Groups[1].Value);
            return string.Empty;
        });
        return new MergeOutput(text, missing);
    }

    private static readonly Regex FieldRegex = new("«([A-Za-z]+)»", RegexOptions.Compiled);

    private static Regex FieldPattern() => FieldRegex;
}

public sealed record MergeOutput(string Body, IReadOnlyList<string> MissingFields);
