namespace PrivacyHoldout137.Retail;

/// <summary>A loyalty customer using the home-moving concierge bundled with a furniture order.</summary>
public sealed record ConciergeMove(
    string MoveId,
    string CustomerNumber,
    string FirstName,
    string Email,
    string OldPostcode,
    string NewPostcode,
    string NewAddressLine,
    string NewMpan,
    DateOnly MoveDate,
    decimal? MoveInRead,
    string FurnitureOrderId);

public sealed class AddressNotSuppliedException(string postcode)
    : Exception($"No electricity supply found at {postcode}")
{
    public string Postcode { get; } = postcode;
}

/// <summary>
/// The retailer's moving-home concierge: takes the move-in read for the new home, registers the supply with
/// the partner supplier and tells the furniture delivery team when the new home has power.
/// </summary>
public sealed class MovingHomeConciergeService(
    IAccountStore accounts,
    Pseudonymizer pseudonymizer,
    ILogger<MovingHomeConciergeService> logger)
{
    private static readonly ActivitySource Source = new("Retail.HomeServices.MovingConcierge");
    private static readonly Meter Meter = new("Retail.HomeServices.MovingConcierge");
    private static readonly Counter<long> MovesByDistrict = Meter.CreateCounter<long>("concierge.moves");

    private readonly Queue<ConciergeMove> _awaitingReads = new();

    public async Task RegisterAsync(ConciergeMove move, CancellationToken ct)
    {
        var district = move.NewPostcode.Split(' ')[0];
        using var span = Source.StartHomemoveProcess("move-in")
            .SetHomemoveAccountId(pseudonymizer.PseudonymizeHomemoveAccountId(move.CustomerNumber)) // clean precision-pseudonym
            .SetHomemovePostcodeDistrict(district); // clean precision-about
        span.Activity?.SetTag("concierge.move", move.MoveId); // clean precision-names
        span.Activity?.SetTag("concierge.furniture_order", move.FurnitureOrderId); // clean precision-names
        span.Activity?.SetTag("concierge.days_to_move", move.MoveDate.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber); // clean precision-about
        span.Activity?.SetTag("concierge.new_address", $"{move.NewAddressLine}, {move.NewPostcode}"); // leak TC1001 strings

        if (move.MoveInRead is null)
        {
            _awaitingReads.Enqueue(move);
            logger.LogInformation("Move {MoveId} waiting for a move-in read", move.MoveId); // clean precision-names
            return;
        }

        try
        {
            var account = await accounts.OpenAsync(move.FirstName, move.Email, move.NewPostcode, move.NewMpan, ct);
            span.SetHomemoveOutcome("registered"); // clean precision-names
            span.SetHomemoveNote($"Move-in read {move.MoveInRead} taken on {move.MoveDate:d}"); // clean strings
            MovesByDistrict.Add(1, new KeyValuePair<string, object?>("district", district)); // clean precision-about
            logger.LogInformation("Energy account {Account} opened for customer {CustomerNumber}", account, move.CustomerNumber); // leak TC1001 direct
        }
        catch (AddressNotSuppliedException ex)
        {
            span.SetHomemoveOutcome("rejected").SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            MovesByDistrict.Add(1, new KeyValuePair<string, object?>("district", ex.Postcode.Split(' ')[0]), new("outcome", "no-supply")); // clean exceptions
        }
    }

    public void ChaseReads()
    {
        foreach (var waiting in _awaitingReads)
        {
            logger.LogInformation("Chasing move-in read for {FirstName} <{Email}>", waiting.FirstName, waiting.Email); // leak TC1001 cross-member
        }

        logger.LogInformation("{Count} moves waiting for reads", _awaitingReads.Count); // clean cross-member
    }
}
