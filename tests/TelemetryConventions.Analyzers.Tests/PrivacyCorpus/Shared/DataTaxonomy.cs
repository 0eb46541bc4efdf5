using Microsoft.Extensions.Compliance.Classification;

namespace PrivacyCorpus.Shared;

/// <summary>The organisation's data taxonomy, as teams declare it for Microsoft.Extensions.Compliance redaction.</summary>
public static class DataTaxonomy
{
    public const string TaxonomyName = "Corpus";

    public static DataClassification PrivateData { get; } = new(TaxonomyName, nameof(PrivateData));

    public static DataClassification PublicData { get; } = new(TaxonomyName, nameof(PublicData));
}

/// <summary>Personal data: redacted by the logging pipeline when logged through a source-generated method.</summary>
public sealed class PrivateDataAttribute : DataClassificationAttribute
{
    public PrivateDataAttribute()
        : base(DataTaxonomy.PrivateData)
    {
    }
}

/// <summary>Data that may be logged as it is.</summary>
public sealed class PublicDataAttribute : DataClassificationAttribute
{
    public PublicDataAttribute()
        : base(DataTaxonomy.PublicData)
    {
    }
}
