#!/usr/bin/env sh
# Refreshes the committed OpenAPI document (src/Designer.Studio/src/api/openapi.json) from what the server describes,
# and the Studio's API types generated from it (openapi.ts). Run after changing an endpoint or a DTO; commit both files.
set -e
cd "$(dirname "$0")/../../.."
DESIGNER_UPDATE_API_CONTRACT=1 dotnet test tests/Designer.Server.Tests/Designer.Server.Tests.csproj \
  --filter "FullyQualifiedName~ApiContractStalenessTests"
