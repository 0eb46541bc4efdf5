using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout34.Support.Pdf;

// Stand-ins for a PDF library's AcroForm filling. Only the shapes matter.

public interface IPdfFormStore
{
    Task<PdfForm> OpenAsync(string formName, CancellationToken cancellationToken = default);
}

public sealed class PdfForm(string formName, IReadOnlyDictionary<string, PdfFormField> fields) : IDisposable
{
    public string FormName { get; } = formName;

    public IReadOnlyDictionary<string, PdfFormField> Fields { get; } = fields;

    public int PageCount { get; init; } = 1;

    /// <exception cref="PdfFieldNotFoundException">The form has no such field.</exception>
    public PdfFormField GetField(string name) =>
        Fields.TryGetValue(name, out var field) ? field : throw new PdfFieldNotFoundException(name);

    /// <summary>Burns the values into the page content and returns the PDF's bytes.</summary>
    public byte[] Flatten() => [];

    public void Dispose()
    {
    }
}

public sealed class PdfFormField(string name, int maxLength, bool isRequired)
{
    public string Name { get; } = name;

    public int MaxLength { get; } = maxLength;

    public bool IsRequired { get; } = isRequired;

    public string? Value { get; private set; }

    /// <exception cref="PdfFieldValueException">The value is longer than the field allows.</exception>
    public void SetValue(string value)
    {
        if (value.Length > MaxLength)
        {
            throw new PdfFieldValueException(Name, value, MaxLength);
        }

        Value = value;
    }

    public override string ToString() => $"{Name}={Value}";
}

public sealed class PdfFieldNotFoundException(string fieldName) : Exception($"No field named '{fieldName}' in the form.")
{
    public string FieldName { get; } = fieldName;
}

/// <summary>The message quotes the rejected value.</summary>
public sealed class PdfFieldValueException(string fieldName, string value, int maxLength)
    : Exception($"Value '{value}' is too long for field '{fieldName}' (max {maxLength}).")
{
    public string FieldName { get; } = fieldName;
}
