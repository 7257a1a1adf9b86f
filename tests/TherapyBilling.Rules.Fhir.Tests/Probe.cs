namespace TherapyBilling.Rules.Fhir.Tests;
public class Probe { [Fact] public void Nothing() { } }
