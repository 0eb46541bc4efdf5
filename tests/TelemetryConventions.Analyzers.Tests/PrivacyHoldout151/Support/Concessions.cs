namespace Welfare.Concessions;

// A transport authority's concessionary passes, jobseeker discount cards, interview fare refunds and Blue Badges.

/// <summary>A concessionary bus pass. Prints pass number, holder's name, category and expiry.</summary>
public sealed record ConcessionaryPass(string PassNumber, string HolderName, string Category, DateOnly Expires);

/// <summary>A jobseeker's travel discount card. Prints card number, NINO, jobcentre and discount.</summary>
public sealed record JobseekerDiscountCard(string CardNumber, string Nino, string Jobcentre, int DiscountPercent);

/// <summary>A claim for the fare to an interview. Prints claim id, NINO, journey, fare and receipt reference.</summary>
public sealed record InterviewFareClaim(string ClaimId, string Nino, string Journey, decimal Fare, string ReceiptRef);

/// <summary>A Blue Badge. Prints badge number, holder's name and council.</summary>
public sealed record BlueBadge(string BadgeNumber, string HolderName, string Council);

/// <summary>A tap of a pass on a bus's reader. Prints pass number, route, stop and the bus.</summary>
public sealed record PassTap(string PassNumber, string Route, string StopCode, string VehicleId, DateTimeOffset At);

/// <summary>The pass is on the hotlist; quotes the pass number.</summary>
public sealed class PassHotlistedException(string passNumber) : Exception($"Pass {passNumber} is hotlisted");

/// <summary>The claim is over the fare cap; quotes the amount.</summary>
public sealed class FareCapExceededException(decimal fare) : Exception($"Fare {fare:C} is over the cap");
