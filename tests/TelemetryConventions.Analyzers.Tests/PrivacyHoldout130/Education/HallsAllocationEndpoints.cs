namespace PrivacyHoldout130.Education;

public sealed record AllocationRequest(string StudentNumber, string PreferredName, string UniversityEmail, string Hall, string RoomType, bool AccessibleRoomNeeded, string? SiblingStudentNumber);

public sealed record RoomOffer(Guid OfferId, string Hall, string RoomRef, string RoomType, decimal WeeklyRent, int ContractWeeks);

public sealed record RoomSwap(string FromRoomRef, string ToRoomRef, string StudentNumber, string Reason);

/// <summary>The accommodation office's minimal API: room allocation for first years and room swaps in term.</summary>
public static class HallsAllocationEndpoints
{
    private static readonly ActivitySource Source = new("Uni.Residences.Allocation");
    private static readonly Meter Meter = new("Uni.Residences.Allocation");
    private static readonly Counter<long> Offers = Meter.CreateCounter<long>("residences.offers");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/residences/allocations", AllocateAsync);
        routes.MapPost("/residences/swaps", SwapAsync);
    }

    private static async Task<ActionResult> AllocateAsync(AllocationRequest request, ILettingsClient lettings, Pseudonymizer pseudonymizer, ILogger<AllocationRequest> logger, CancellationToken ct)
    {
        using var span = Source.StartHallsTenancy(request.Hall);
        span.SetHallsTenantId(pseudonymizer.PseudonymizeHallsTenantId(request.StudentNumber)); // clean precision-pseudonym
        span.Activity?.SetTag(HallsAttributes.Contact, request.UniversityEmail); // leak TC1001 generated-api
        span.Activity?.SetTag("residences.room_type", request.RoomType); // clean precision-names
        span.Activity?.SetTag("residences.accessible", request.AccessibleRoomNeeded); // clean precision-about
        span.Activity?.SetTag("residences.with_sibling", request.SiblingStudentNumber is not null); // clean precision-about
        span.Activity?.SetTag("residences.sibling", request.SiblingStudentNumber); // leak TC1001 direct

        var property = await lettings.GetPropertyAsync(request.Hall, ct);
        if (property is null)
        {
            logger.LogWarning("Hall {Hall} has no rooms of type {RoomType} left", request.Hall, request.RoomType); // clean precision-names
            span.SetHallsOutcome("waitlisted");
            return NotFoundResultFor(request.Hall);
        }

        var offer = new RoomOffer(Guid.NewGuid(), request.Hall, $"{request.Hall}-{Random.Shared.Next(100, 400)}", request.RoomType, property.MonthlyRent * 12 / 52, 40);
        logger.LogInformation("Offer {@Offer} made", offer); // clean logging-objects
        logger.LogInformation("Offer {OfferId} made to {PreferredName}", offer.OfferId, request.PreferredName); // leak TC1001 direct
        logger.LogDebug("Allocation request {Request}", request); // leak TC1001 logging-objects
        Offers.Add(1, new KeyValuePair<string, object?>("hall", request.Hall), new("room_type", request.RoomType)); // clean precision-names
        span.SetHallsAmount((double)offer.WeeklyRent).SetHallsOutcome("offered");
        return new OkResult(offer);
    }

    private static ActionResult SwapAsync(RoomSwap swap, Pseudonymizer pseudonymizer, ILogger<RoomSwap> logger)
    {
        using var activity = Source.StartActivity("residences.swap");
        activity?.SetTag("residences.swap.from", swap.FromRoomRef); // clean precision-names
        activity?.SetTag("residences.swap.to", swap.ToRoomRef); // clean precision-names
        activity?.SetTag("residences.swap.reason.length", swap.Reason.Length); // clean precision-about
        activity?.SetTag("residences.swap.reason", swap.Reason); // leak TC1001 direct
        activity?.SetBaggage("residences.student", pseudonymizer.ComputeHallsTenantId(swap.StudentNumber)); // clean precision-pseudonym
        using (logger.BeginScope("Swap for {StudentNumber}", swap.StudentNumber)) // leak TC1001 logging-objects
        {
            logger.LogInformation("Room swap {From} -> {To} requested", swap.FromRoomRef, swap.ToRoomRef); // clean precision-names
        }
        return new OkResult(null);
    }

    private static ActionResult NotFoundResultFor(string hall) => new NotFoundResult($"No rooms left in {hall}");
}
