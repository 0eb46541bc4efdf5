using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Transport;

public sealed record PenaltyNoticeDto(string Plate, string ZoneCode, string ZoneTariffId, DateTimeOffset ObservedAt, string? KeeperEmail);

public sealed class PenaltyNotice
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required string Plate { get; init; }

    public required string ZoneCode { get; init; }

    public string? StoredPassengerPseudonym { get; set; }

    public decimal Amount { get; set; }
}

public sealed class ParkingDbContext : DbContext
{
    public required DbSet<PenaltyNotice> Notices { get; init; }

    public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => Task.FromResult(1);
}

[ApiController]
[Route("api/penalties")]
public sealed class ParkingEnforcementController(ParkingDbContext db, ILogger<ParkingEnforcementController> logger, Meter meter, ActivitySource source) : ControllerBase
{
    private readonly Counter<long> _issued = meter.CreateCounter<long>("parking.notices.issued");

    [HttpPost]
    public async Task<IResult> Issue([FromBody] PenaltyNoticeDto dto, CancellationToken ct)
    {
        var zone = dto.ZoneCode.ToUpperInvariant();
        Activity.Current?.SetTag("parking.zone", zone); // clean direct
        Activity.Current?.SetTag("parking.zone_tariff_id", dto.ZoneTariffId); // clean precision-names
        Activity.Current?.SetTag("parking.plate", dto.Plate); // leak TC1001 direct

        var normalised = Normalise(dto.Plate, out var region);
        Activity.Current?.SetTag("parking.plate.region", region); // clean precision-about
        logger.LogInformation(string.Concat("Notice issued to ", normalised, " in ", zone)); // leak TC1001 strings

        var notice = new PenaltyNotice { Plate = normalised, ZoneCode = zone, Amount = 70m };
        db.Notices.Add(notice);
        await db.SaveChangesAsync(ct);

        _issued.Add(1, new TagList { { "parking.zone", zone }, { "parking.plate.region", region } }); // clean precision-about
        var keeper = dto.KeeperEmail;
        var line = new StringBuilder().AppendFormat(CultureInfo.InvariantCulture, "notice {0} keeper {1}", notice.Id, keeper).ToString();
        logger.LogInformation(line); // leak TC1001 strings
        logger.LogInformation("Notice {NoticeId} amount {Amount}", notice.Id, notice.Amount); // clean direct

        using var span = source.StartActivity("parking.notice.print " + notice.Plate); // leak TC1001 strings
        span?.SetTag("parking.notice.id", notice.Id); // clean precision-names
        return Results.Ok(new { notice.Id });
    }

    [HttpGet("{id}")]
    public async Task<IResult> Get(Guid id, CancellationToken ct)
    {
        var notice = await db.Notices.FindAsync(id);
        if (notice is null)
        {
            return Results.NotFound();
        }

        if (notice.StoredPassengerPseudonym is { } stored)
        {
            Activity.Current?.EnrichFareTap(Pseudonym.FromComputed(stored)); // clean precision-pseudonym
        }

        var officer = User.FindFirstValue(ClaimTypes.Name);
        Activity.Current?.SetTag("parking.viewed_by", officer); // leak TC1001 direct
        Activity.Current?.SetTag("parking.notice.age_days", (DateTimeOffset.UtcNow - DateTimeOffset.UtcNow.AddDays(-3)).TotalDays); // clean precision-about
        Activity.Current?.SetTag("parking.plate.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(notice.Plate)))); // leak TC1002 hashes
        return Results.Ok(notice);
    }

    private static string Normalise(string plate, out string region)
    {
        var compact = plate.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        region = compact.Length >= 2 ? compact[..2] : "??";
        return compact;
    }
}
