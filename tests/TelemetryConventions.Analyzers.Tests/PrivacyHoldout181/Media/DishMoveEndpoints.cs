namespace PrivacyHoldout181.Media;

/// <summary>Subscribers moving home book the dish and box to be moved; an installer is sent to the new home.</summary>
public static class DishMoveEndpoints
{
    private static readonly ActivitySource Source = new("Broadcaster.Subscribers.DishMoves");
    private static readonly Meter Meter = new("Broadcaster.Subscribers.DishMoves");
    private static readonly Counter<long> Bookings = Meter.CreateCounter<long>("subscriber.dish_moves");

    public static EndpointRoutes MapDishMoves(this EndpointRoutes routes) =>
        routes.MapPost("/subscribers/{subscriberId}/dish-move", Book);

    private static ActionResult Book(string subscriberId, DishMove move, ILogger<DishMove> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
    {
        using var activity = Source.StartActivity("book dish move");
        activity?.SetTag("subscriber.id", subscriberId); // leak TC1001 direct
        activity?.SetTag("subscriber.package", move.Package); // clean precision-names
        activity?.SetTag("subscriber.new_postcode.district", move.NewPostcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("subscriber.installer", pseudonymizer.PseudonymizeShowmoveCrewId(move.InstallerStaffId)); // clean precision-pseudonym
        activity?.SetTag("subscriber.installer.staff_id", move.InstallerStaffId); // leak TC1001 direct
        activity?.SetTag("subscriber.ref", pseudonymizer.ComputeShowmoveMoverId(subscriberId)); // clean precision-pseudonym

        logger.LogInformation("Dish move {Move}", move); // leak TC1001 logging-objects
        logger.LogInformation("Dish move for package {Package}", move.Package); // clean precision-names
        using (logger.BeginScope(new { move.Package, District = move.NewPostcode.Split(' ')[0] })) // clean logging-objects
        {
            logger.LogInformation("Installer booked for {Subscriber}", subscriberId); // leak TC1001 direct
        }

        var seatGroup = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(subscriberId))[0] % 10;
        Bookings.Add(1, new KeyValuePair<string, object?>("group", seatGroup)); // clean hashes
        Bookings.Add(1, new KeyValuePair<string, object?>("package", move.Package)); // clean precision-names
        Bookings.Add(1, new KeyValuePair<string, object?>("postcode", move.NewPostcode)); // leak TC1003 direct

        var digest = BitConverter.ToString(SHA256.HashData(Encoding.UTF8.GetBytes(subscriberId))).Replace("-", "");
        logger.LogDebug("Move digest {Digest}", digest); // leak TC1002 hashes

        try
        {
            if (string.IsNullOrEmpty(move.Package))
            {
                throw new CustomerNotFoundException(subscriberId);
            }
        }
        catch (CustomerNotFoundException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            logger.LogShowmoveOperationFailedEvent("dish-moves", "no_package", pseudonymizer.PseudonymizeShowmoveMoverId(subscriberId), "Package missing"); // clean generated-api
            activity?.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
        }

        return new OkResult(null);
    }
}
