namespace PrivacyHoldout102.Healthcare;

/// <summary>Patient and ward reads for the PAS front end, with an in-process cache and the shared Redis.</summary>
public sealed class PatientRepository(
    ClinicalDbContext db,
    IMemoryCache cache,
    IDatabase redis,
    ILogger<PatientRepository> logger,
    Pseudonymizer pseudonymizer,
    DataAccessOptions options,
    TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Trust.Pas.Repository");
    private static readonly Meter Meter = new("Trust.Pas.Repository");

    public async Task<Patient?> FindByHospitalNumberAsync(string hospitalNumber, CancellationToken ct)
    {
        var key = $"patient:{hospitalNumber}";
        using var span = Source.StartClinicstoreQuery("patient-by-mrn").SetClinicstoreEntity(nameof(Patient)).SetClinicstoreDbOperation("select"); // clean generated-api
        if (cache.TryGetValue(key, out Patient? cached))
        {
            span.SetClinicstoreCacheOutcome("hit").SetClinicstorePatientId(pseudonymizer.PseudonymizeClinicstorePatientId(hospitalNumber)); // clean precision-pseudonym
            Meter.CreateClinicstoreCacheLookupsCounter().Add(1, nameof(Patient), "hit"); // clean generated-api
            return cached;
        }
        span.SetClinicstoreCacheKey(key); // leak TC1001 generated-api
        logger.LogDebug("Cache miss for {CacheKey}", key); // leak TC1001 strings
        var query = db.Patients.AsNoTracking().TagWith("patient-by-mrn").Where(p => p.HospitalNumber == hospitalNumber);
        logger.LogTrace("Patient lookup SQL: {Sql}", query.ToQueryString()); // leak TC1001 strings
        var patient = await query.FirstOrDefaultAsync(ct);
        span.SetClinicstoreRows(patient is null ? 0 : 1).SetClinicstoreCacheOutcome("miss"); // clean precision-about
        if (patient is null)
        {
            Activity.Current?.SetTag("pas.lookup.mrn", hospitalNumber); // leak TC1001 direct
            return null;
        }
        using (var entry = cache.CreateEntry(key))
        {
            entry.Value = patient;
            entry.AbsoluteExpirationRelativeToNow = options.CacheLifetime;
            entry.RegisterPostEvictionCallback((evicted, _, reason, _) => logger.LogDebug("Evicted {Key} ({Reason})", evicted, reason)); // leak TC1001 cross-member
        }
        Activity.Current?.SetTag("pas.patient.has_email", patient.Email is not null); // clean precision-about
        Activity.Current?.SetTag("pas.patient.email_domain", patient.Email?.Split('@')[^1]); // clean precision-about
        return patient;
    }

    public async Task<IReadOnlyList<Admission>> WardCensusAsync(string ward, DateOnly day, CancellationToken ct)
    {
        var key = $"ward-census:{ward}:{day:yyyyMMdd}";
        Activity.Current?.SetTag("cache.key", key); // clean precision-names
        try
        {
            var cached = await redis.StringGetAsync(key);
            logger.LogDebug("Census cache {Outcome} for ward {Ward}", cached.HasValue ? "hit" : "miss", ward); // clean precision-names
        }
        catch (RedisTimeoutException ex)
        {
            logger.LogWarning(ex, "Census cache read timed out"); // clean exceptions
        }
        var stopwatch = Stopwatch.StartNew();
        var admissions = await db.Admissions.AsNoTracking().TagWith("ward-census").Where(a => a.Ward == ward).ToListAsync(ct);
        Meter.CreateClinicstoreQueriesCounter().Add(1, "ward-census", "ok"); // clean generated-api
        Meter.CreateClinicstoreQueryDurationHistogram().Record(stopwatch.Elapsed.TotalSeconds, "ward-census", nameof(Admission)); // clean generated-api
        logger.LogInformation("Ward {Ward} census: {Count} admissions, beds {Beds}", ward, admissions.Count, string.Join(",", admissions.Select(a => a.BedCode))); // clean precision-about
        logger.LogDebug("Census patients {Patients}", string.Join(",", admissions.Select(a => a.HospitalNumber))); // leak TC1001 strings
        return admissions;
    }

    public async Task<IReadOnlyList<string>> RecentPatientsAsync(string staffNumber, CancellationToken ct)
    {
        var key = $"recent:{staffNumber}";
        var shard = KeyedShard.Of(secrets.ShardKey, staffNumber, 16);
        Activity.Current?.SetTag("pas.recent.shard", shard); // clean hashes
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(staffNumber)))[..12];
        Activity.Current?.SetTag("pas.recent.owner", digest); // leak TC1002 hashes
        try
        {
            var value = await redis.StringGetAsync(key);
            return value.HasValue ? value.ToString().Split(',') : [];
        }
        catch (RedisTimeoutException ex)
        {
            // The message names the command and its key, recent:{staffNumber}.
            logger.LogWarning(ex, "Recent patients read timed out"); // leak TC1001 exceptions
            return [];
        }
    }
}
