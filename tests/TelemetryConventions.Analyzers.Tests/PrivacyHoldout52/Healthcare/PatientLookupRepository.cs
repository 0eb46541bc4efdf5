using System;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Healthcare;

public sealed record PatientSummary(Guid Id, string HospitalNumber, string FamilyName, string GivenName, DateOnly DateOfBirth, string RegisteredPracticeCode);

public sealed class PasDataOptions
{
    public TimeSpan SlowQueryThreshold { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan SummaryCacheLifetime { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Opens connections to the patient administration system (SQL Server).</summary>
public interface IPasConnectionFactory
{
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>Read side over the PAS database, with a distributed cache in front of the lookups.</summary>
public sealed class PatientLookupRepository(
    IPasConnectionFactory connections,
    IDistributedCache cache,
    ILogger<PatientLookupRepository> logger,
    Pseudonymizer pseudonymizer,
    Meter meter,
    IOptions<PasDataOptions> options)
{
    private static readonly ActivitySource Source = new("Clinic.Pas");

    private const string ByNhsNumberSql = """
        SELECT p.id, p.hospital_number, p.family_name, p.given_name, p.date_of_birth, p.registered_practice_code
        FROM pas.patients p
        WHERE p.nhs_number = @NhsNumber AND p.is_deleted = 0
        """;

    private const string ByIdSql = """
        SELECT p.id, p.hospital_number, p.family_name, p.given_name, p.date_of_birth, p.registered_practice_code
        FROM pas.patients p
        WHERE p.id = @Id
        """;

    public async Task<PatientSummary?> FindByNhsNumberAsync(string nhsNumber, CancellationToken cancellationToken)
    {
        var cacheKey = $"pas:patient:nhs:{nhsNumber}";
        using var span = Source.StartDataOperation("query", nameof(Patient)).SetDataStore("pas").SetDataQueryName("FindByNhsNumber");
        span.SetDataCacheKey(cacheKey); // leak TC1001 generated-api

        var cached = await cache.GetStringAsync(cacheKey, cancellationToken);
        if (cached is not null)
        {
            meter.CreateDataCacheRequestsCounter().Add(1, dataQueryName: "FindByNhsNumber", dataCacheHit: true);
            logger.LogDebug("Cache hit for {CacheKey}", cacheKey); // leak TC1001 strings
            return JsonSerializer.Deserialize<PatientSummary>(cached);
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        var patient = await connection.QuerySingleOrDefaultAsync<PatientSummary>(new CommandDefinition(ByNhsNumberSql, new { NhsNumber = nhsNumber }, cancellationToken: cancellationToken));
        watch.Stop();
        LogIfSlow("FindByNhsNumber", ByNhsNumberSql, watch.Elapsed);

        if (patient is null)
        {
            span.SetDataRows(0);
            logger.LogInformation("No PAS patient with NHS number {NhsNumber}", nhsNumber); // leak TC1001 direct
            return null;
        }

        span.SetDataRows(1).SetDataSubjectId(pseudonymizer.PseudonymizeDataSubjectId(patient.HospitalNumber)); // clean precision-pseudonym
        meter.CreateDataQueryDurationHistogram().Record(watch.Elapsed.TotalSeconds, dataQueryName: "FindByNhsNumber", dataStore: "pas", dataSubjectId: pseudonymizer.PseudonymizeDataSubjectId(patient.HospitalNumber)); // leak TC1003 precision-pseudonym

        await cache.SetStringAsync(cacheKey, JsonSerializer.Serialize(patient), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.Value.SummaryCacheLifetime }, cancellationToken);
        logger.LogDebug("Loaded {@Patient} from PAS in {ElapsedMs} ms", patient, watch.ElapsedMilliseconds); // leak TC1001 logging-objects
        return patient;
    }

    public async Task<PatientSummary?> GetAsync(Guid patientId, CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("query", nameof(Patient)).SetDataStore("pas").SetDataQueryName("GetById");
        span.SetDataRecordKey(patientId.ToString()); // leak TC1001 generated-api

        await using var connection = await connections.OpenAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        var patient = await connection.QuerySingleOrDefaultAsync<PatientSummary>(ByIdSql, new { Id = patientId });
        LogIfSlow("GetById", ByIdSql, watch.Elapsed);
        meter.CreateDataQueryDurationHistogram().Record(watch.Elapsed.TotalSeconds, dataQueryName: "GetById", dataStore: "pas");

        span.SetDataRows(patient is null ? 0 : 1); // clean precision-about
        if (patient is not null)
        {
            logger.LogDebug("Patient {PatientRef} registered at practice {Practice}", pseudonymizer.ComputeDataSubjectId(patient.HospitalNumber), patient.RegisteredPracticeCode); // clean precision-pseudonym
        }

        return patient;
    }

    /// <summary>Merges a duplicate registration into the surviving one with the PAS stored procedure.</summary>
    public async Task<Guid> MergeAsync(string survivingHospitalNumber, string retiredHospitalNumber, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var parameters = new DynamicParameters();
        parameters.Add("@Surviving", survivingHospitalNumber, DbType.String);
        parameters.Add("@Retired", retiredHospitalNumber, DbType.String);
        parameters.Add("@MergeId", dbType: DbType.Guid, direction: ParameterDirection.Output);
        parameters.Add("@AppointmentsMoved", dbType: DbType.Int32, direction: ParameterDirection.Output);

        using var span = Source.StartDataOperation("merge", nameof(Patient)).SetDataStore("pas").SetDataQueryName("pas.usp_MergePatients");
        Activity.Current?.SetTag("db.parameter_names", string.Join(",", parameters.ParameterNames)); // clean precision-names

        try
        {
            await connection.ExecuteAsync("pas.usp_MergePatients", parameters, commandType: CommandType.StoredProcedure);
        }
        catch (SqlException ex) when (ex.Number == 50001)
        {
            // The procedure raises 50001 'Patient %s has open admissions' with the retired hospital number.
            span.SetStatus(ActivityStatusCode.Error, $"merge refused: error {ex.Number} in {ex.Procedure}"); // clean exceptions
            logger.LogWarning(ex, "Merge refused by pas.usp_MergePatients"); // leak TC1001 exceptions
            throw;
        }

        var mergeId = parameters.Get<Guid>("@MergeId");
        span.SetDataRecordKey(mergeId.ToString()).SetDataRows(parameters.Get<int>("@AppointmentsMoved")); // clean direct
        logger.LogInformation("Merged {Retired} into {Surviving} as merge {MergeId}", retiredHospitalNumber, survivingHospitalNumber, mergeId); // leak TC1001 direct
        return mergeId;
    }

    private void LogIfSlow(string queryName, string sql, TimeSpan elapsed)
    {
        if (elapsed < options.Value.SlowQueryThreshold)
        {
            return;
        }

        logger.LogWarning("Slow PAS query {QueryName} took {ElapsedMs} ms: {Sql}", queryName, elapsed.TotalMilliseconds, sql); // clean precision-names
    }
}
