namespace PrivacyHoldout157.Gaming;

/// <summary>A guest renting a console to their room. Prints room, console asset tag, the guest's loyalty number and the gamertag to sign in.</summary>
public sealed record ConsoleRental(string RoomNumber, string ConsoleAssetTag, string LoyaltyNumber, string Gamertag, int Hours);

/// <summary>A console the hotel owns. Prints asset tag, model and firmware.</summary>
public sealed record HotelConsole(string AssetTag, string Model, string Firmware);

public interface IConsoleFleet
{
    Task<HotelConsole?> ReserveAsync(string roomNumber, CancellationToken cancellationToken = default);

    Task SignInAsync(string assetTag, string gamertag, CancellationToken cancellationToken = default);
}

/// <summary>Minimal API of the hotel's in-room console rental.</summary>
public static class InRoomConsoleRentalEndpoints
{
    private static readonly ActivitySource Source = new("Hotel.Consoles");
    private static readonly Meter Meter = new("Hotel.Consoles");
    private static readonly Histogram<int> RentalHours = Meter.CreateHistogram<int>("consoles.rental.hours");
    private static string? s_lastLoyaltyRefused;

    public static EndpointRoutes MapConsoleRentals(this EndpointRoutes routes) =>
        routes.MapPost("/consoles/rent", RentAsync).MapGet("/consoles/refusals/last", LastRefusal);

    private static async Task<ActionResult> RentAsync(ConsoleRental rental, IConsoleFleet fleet, IGuestDirectory guests, TelemetrySecrets secrets, ILogger<ConsoleRental> logger, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("console.rent");
        activity?.SetTag("console.room_number", rental.RoomNumber); // clean precision-names
        activity?.SetTag("console.hours", rental.Hours); // clean direct
        activity?.SetTag("console.gamertag", rental.Gamertag); // leak TC1001 direct
        activity?.SetTag("console.gamertag.length", rental.Gamertag.Length); // clean precision-about
        activity?.SetBaggage("loyalty.number", rental.LoyaltyNumber); // leak TC1001 direct

        var profile = await guests.FindByLoyaltyNumberAsync(rental.LoyaltyNumber, cancellationToken);
        if (profile is null)
        {
            s_lastLoyaltyRefused = rental.LoyaltyNumber;
            var locked = new LoyaltyAccountLockedException(rental.LoyaltyNumber);
            logger.LogWarning(locked, "Console rental refused"); // leak TC1001 exceptions
            activity?.SetTag("exception.type", locked.GetType().FullName); // clean exceptions
            return new BadRequestResult("Loyalty account not usable");
        }

        activity?.SetTag("console.guest.tier", profile.Tier); // clean precision-about
        activity?.SetTag("console.guest.sample", HMACSHA256.HashData(secrets.ShardKey, profile.ProfileId.ToByteArray())[0] < 26); // clean hashes
        activity?.SetTag("console.guest.fingerprint", HashCode.Combine(profile.Email, rental.RoomNumber)); // leak TC1002 hashes

        var console = await fleet.ReserveAsync(rental.RoomNumber, cancellationToken);
        if (console is null)
        {
            logger.LogInformation("No console free for room {RoomNumber}", rental.RoomNumber); // clean direct
            return new NotFoundResult("No console free");
        }

        activity?.SetTag("console.asset_tag", console.AssetTag); // clean precision-names
        logger.LogInformation("Reserved {Console}", console); // clean logging-objects
        await fleet.SignInAsync(console.AssetTag, rental.Gamertag, cancellationToken);
        logger.LogInformation("Rental {@Rental} started", rental); // leak TC1001 logging-objects
        RentalHours.Record(rental.Hours, new KeyValuePair<string, object?>("console.model", console.Model)); // clean direct
        RentalHours.Record(rental.Hours, new KeyValuePair<string, object?>("gamertag", rental.Gamertag)); // leak TC1003 direct
        return new OkResult(console.AssetTag);
    }

    private static ActionResult LastRefusal(ILogger<ConsoleRental> logger)
    {
        logger.LogInformation("Last refused loyalty account: {Loyalty}", s_lastLoyaltyRefused); // leak TC1001 cross-member
        logger.LogInformation("A loyalty refusal is on record: {Any}", s_lastLoyaltyRefused is not null); // clean cross-member
        return new OkResult(null);
    }
}
