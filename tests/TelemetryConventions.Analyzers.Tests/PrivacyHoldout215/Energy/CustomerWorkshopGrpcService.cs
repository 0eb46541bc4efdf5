namespace PrivacyHoldout215.Energy;

public sealed record ReserveSeatRequest(string AccountNumber, string CustomerEmail, string MeterSerial, string Workshop);

public sealed record ReserveSeatReply(string SeatId, int SeatsLeft);

/// <summary>Energy-saving workshops with tutors for customers, reserved from the app over gRPC.</summary>
public sealed class CustomerWorkshopGrpcService(Pseudonymizer pseudonymizer, ILogger<CustomerWorkshopGrpcService> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout215.Energy.Workshops");

    private readonly Counter<long> _seats = meter.CreateCounter<long>("workshops.seats.reserved");
    private int _seatsLeft = 20;

    public Task<ReserveSeatReply> ReserveSeat(ReserveSeatRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("workshop.reserve", ActivityKind.Server);
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        activity?.SetTag("workshop.code", request.Workshop); // clean precision-names
        activity?.SetTag("account.number", request.AccountNumber); // leak TC1001 direct
        activity?.SetTag("meter.serial", request.MeterSerial); // leak TC1001 direct
        activity?.SetTag("account.pseudonym", pseudonymizer.PseudonymizeWattwiseClientId(request.AccountNumber)); // clean precision-pseudonym
        activity?.SetTag("customer.email_length", request.CustomerEmail.Length); // clean precision-about

        if (_seatsLeft == 0)
        {
            var full = new RpcException("ResourceExhausted", $"Workshop {request.Workshop} is full");
            activity?.SetStatus(ActivityStatusCode.Error, full.Message); // clean exceptions
            throw full;
        }

        if (!request.CustomerEmail.Contains('@'))
        {
            var invalid = new RpcException("InvalidArgument", $"Invalid email {request.CustomerEmail} for account {request.AccountNumber}");
            activity?.AddException(invalid); // leak TC1001 exceptions
            logger.LogWarning("Rejected seat: {Reason}", invalid.Message); // leak TC1001 exceptions
            throw invalid;
        }

        _seatsLeft--;
        var seat = new CustomerWorkshopSeat(Guid.NewGuid().ToString("N"), request.AccountNumber, request.CustomerEmail, request.MeterSerial, request.Workshop);
        _seats.Add(1, new KeyValuePair<string, object?>("workshop", request.Workshop)); // clean precision-names
        _seats.Add(1, new KeyValuePair<string, object?>("meter", request.MeterSerial)); // leak TC1003 direct
        logger.LogInformation("Seat {@Seat}", seat); // leak TC1001 logging-objects
        logger.LogInformation("Seat {SeatId} reserved, {SeatsLeft} left", seat.SeatId, _seatsLeft); // clean precision-names
        var summary = string.Concat("seat ", seat.SeatId, " for ", seat.CustomerEmail);
        activity?.AddEvent(new ActivityEvent("seat.reserved", tags: new ActivityTagsCollection { ["summary"] = summary })); // leak TC1001 strings
        return Task.FromResult(new ReserveSeatReply(seat.SeatId, _seatsLeft));
    }
}
