namespace TelemetryConventions.Analyzers.Tests.Infrastructure;

/// <summary>
/// The conventions every rule test compiles with; <see cref="GeneratedSources"/> gives what the
/// generator emits for them.
/// </summary>
public static class TestSources
{
    /// <summary>
    /// <see cref="Conventions"/> plus a group the analyzers see but the generator does not emit, as
    /// with an imported registry generated reference-only: its names have no generated constant.
    /// </summary>
    public const string ConventionsWithUngenerated = Conventions + """

          - id: registry.ward
            type: attribute_group
            brief: Ward attributes known from an imported registry.
            attributes:
              - id: hospital.ward
                type: string
                brief: Ward.
        """;

    public const string ConventionsPath = "/project/conventions/test.yaml";

    public const string Conventions = """
        groups:
          - id: registry.patient
            type: attribute_group
            brief: Patient attributes.
            attributes:
              - id: patient.id
                type: string
                brief: Keyed pseudonym of the patient.
                annotations:
                  privacy:
                    classification: personal_identifier
                    treatment: pseudonymize
              - id: patient.age
                type: int
                brief: Age in years.
              - id: patient.diagnosis
                type: string
                brief: Diagnosis text.
                annotations:
                  privacy:
                    classification: health
                    treatment: redact
              - id: patient.id.hashed
                type: string
                brief: Old unkeyed hash of the patient id.
                deprecated:
                  reason: renamed
                  renamed_to: patient.id
          - id: registry.hospital
            type: attribute_group
            brief: Hospital attributes.
            attributes:
              - id: doctor.id
                type: string
                brief: Identifier of the doctor.
              - id: hospital.department
                type: string
                brief: Department.
              - id: vital.temperature
                type: double
                brief: Body temperature.
              - id: visit.completed
                type: boolean
                brief: Whether the visit completed.
              - id: customer.id
                type: string
                brief: Customer account number, published by design.
                annotations:
                  privacy:
                    classification: personal_identifier
                    treatment: allow
              - id: delivery.step
                type:
                  members:
                    - id: picked
                      value: picked
                      brief: Picked.
                    - id: delivered
                      value: delivered
                      brief: Delivered.
                brief: Delivery step.
              - id: http.request.header
                type: template[string[]]
                brief: Request headers.
          - id: span.patient.visit
            type: span
            span_kind: server
            brief: A patient's visit.
            attributes:
              - ref: patient.id
                requirement_level: required
              - ref: patient.age
          - id: metric.hospital.visits
            type: metric
            metric_name: hospital.visits
            instrument: counter
            unit: "{visit}"
            brief: Visits.
            attributes:
              - ref: hospital.department
        """;
}
