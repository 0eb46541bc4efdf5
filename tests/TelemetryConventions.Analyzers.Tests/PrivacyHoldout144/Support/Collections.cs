namespace CultureHub.Collections;

// Object offers, accessions and provenance as the collections management system keeps them. Records print their members.

/// <summary>An object offered as a gift. Prints offer id, donor's name, email and phone, the object's description, the donor's story and the date.</summary>
public sealed record ObjectOffer(
    string OfferId,
    string DonorName,
    string DonorEmail,
    string? DonorPhone,
    string ObjectDescription,
    string DonorStory,
    DateOnly OfferedOn);

/// <summary>The curators' decision on an offer. Prints offer id, decision, reason code and department.</summary>
public sealed record OfferAssessment(string OfferId, string Decision, string ReasonCode, string Department);

/// <summary>An accessioned object. Prints accession number, object name, department, acquisition method and date.</summary>
public sealed record Accession(string AccessionNumber, string ObjectName, string Department, string Method, DateOnly AccessionedOn);

/// <summary>One link of an object's provenance. Prints accession number, years, holder and the holder's kind (private, dealer, company, auction-house, museum).</summary>
public sealed record ProvenanceEntry(string AccessionNumber, int FromYear, int? ToYear, string Holder, string HolderKind);

/// <summary>A signed transfer of title. Prints accession number, donor's name, donor's address and date.</summary>
public sealed record TransferOfTitle(string AccessionNumber, string DonorName, string DonorAddress, DateOnly SignedOn);

public interface ICollectionsSystem
{
    Task<OfferAssessment> AssessAsync(ObjectOffer offer, CancellationToken cancellationToken = default);

    Task<Accession> AccessionAsync(string offerId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ProvenanceEntry>> ProvenanceAsync(string accessionNumber, CancellationToken cancellationToken = default);

    Task RecordTransferAsync(TransferOfTitle transfer, CancellationToken cancellationToken = default);
}

/// <summary>The provenance has a gap; quotes the accession number and the years.</summary>
public sealed class ProvenanceGapException(string accessionNumber, int from, int to) : Exception($"{accessionNumber}: no provenance from {from} to {to}")
{
    public int From { get; } = from;

    public int To { get; } = to;
}

/// <summary>No donor record for the email; quotes the email.</summary>
public sealed class DonorNotFoundException(string email) : Exception($"No donor record for {email}");

/// <summary>The offer falls outside the collecting policy; quotes the offer and the policy section.</summary>
public sealed class OfferOutOfScopeException(string offerId, string policySection) : Exception($"Offer {offerId} is outside collecting policy {policySection}")
{
    public string PolicySection { get; } = policySection;
}
