"""Drives a Suara Warga Open311 endpoint with PyPI's georeport client, in both of its output formats.

Usage: drive.py ROOT_ADDRESS API_KEY CLOSED_ID OPEN_ID START_DATE END_DATE. Prints one JSON document with what the client read, for
the jest suite to check; any exception the client raises (an HTTP error, XML it cannot parse) fails the run.
"""
import json
import sys

from georeport import GeoReport

root, api_key, closed_id, open_id, start_date, end_date = sys.argv[1:7]
report = {}
for output_format in ("json", "xml"):
    client = GeoReport(root, jurisdiction="katingan.go.id", api_key=api_key, output_format=output_format)
    services = client.get_service_list()
    definition = client.get_service_definition("infrastruktur")
    attributes = definition["attributes"]
    if output_format == "xml":
        attributes = attributes["attribute"]
    report[output_format] = {
        "services": [(s["service_code"], s["group"]) for s in services],
        "definition": [(a["code"], str(a["required"]).lower()) for a in attributes],
        "one": client.get_service_request(closed_id),
        "both": client.get_service_requests(service_request_id=f"{closed_id},{open_id}"),
        "open": client.get_service_requests(service_code="infrastruktur", status="open"),
        "range": client.get_service_requests(start_date=start_date, end_date=end_date),
    }
json.dump(report, sys.stdout)
