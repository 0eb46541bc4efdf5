namespace PetCare.Rescue;

// The shapes of a broadcaster's animal rescue show: pledges, rehoming enquiries and contributors. Records print their members.

/// <summary>A pledge to the appeal. Prints pledge id, the viewer's id, the donor's name and email, amount, whether Gift Aid was declared and the donor's postcode.</summary>
public sealed record Pledge(string PledgeId, Guid ViewerId, string DonorName, string Email, decimal Amount, bool GiftAid, string Postcode);

/// <summary>An appeal's running total. Prints appeal id, total and number of pledges.</summary>
public sealed record AppealTotal(string AppealId, decimal Total, int Pledges);

/// <summary>A viewer's enquiry about rehoming a featured animal. Prints enquiry id, the viewer's id, name and phone, the animal and the viewer's message.</summary>
public sealed record RehomingEnquiry(string EnquiryId, Guid ViewerId, string Name, string Phone, string AnimalRef, string Message);

/// <summary>An animal featured in an episode. Prints the animal's reference, name, rescue centre and episode.</summary>
public sealed record FeaturedAnimal(string AnimalRef, string Name, string Rescue, string Episode);

/// <summary>A contributor's signed release. Prints release id, the contributor's name and email, and the episode.</summary>
public sealed record ContributorRelease(string ReleaseId, string ContributorName, string Email, string Episode);

public interface IPledgeProcessor
{
    Task<string> ChargeAsync(Pledge pledge, CancellationToken cancellationToken = default);

    Task<AppealTotal> TotalAsync(string appealId, CancellationToken cancellationToken = default);
}

public interface IRescueCentres
{
    Task<FeaturedAnimal?> AnimalAsync(string animalRef, CancellationToken cancellationToken = default);

    Task ForwardAsync(RehomingEnquiry enquiry, CancellationToken cancellationToken = default);
}

/// <summary>The card was declined; quotes the pledge and the processor's code.</summary>
public sealed class PledgeDeclinedException(string pledgeId, string code) : Exception($"Pledge {pledgeId} declined: {code}")
{
    public string Code { get; } = code;
}

/// <summary>A Gift Aid declaration is incomplete; quotes the donor's name.</summary>
public sealed class GiftAidIncompleteException(string donorName) : Exception($"Gift Aid declaration for {donorName} has no home address");
