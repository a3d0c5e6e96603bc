// Every test project polls with the shared Fedi.Testing.Eventually and uses the harness types.
global using Fedi.Testing;
